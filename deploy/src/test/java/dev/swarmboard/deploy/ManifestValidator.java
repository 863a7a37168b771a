package dev.swarmboard.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one manifest document against the real resource model of its kind: fabric8's Kubernetes
 * types, Strimzi's API types, or KEDA's CRD schema. A kind or API version not known here is itself a
 * problem, so a new resource cannot slip past unvalidated.
 */
final class ManifestValidator {

    /** The model class of each {@code apiVersion kind} that may appear. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "v1 PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1 Deployment", Deployment.class,
            "apps/v1 StatefulSet", StatefulSet.class,
            "batch/v1 Job", Job.class,
            KafkaTopic.RESOURCE_GROUP + "/v1 KafkaTopic", KafkaTopic.class,
            KafkaUser.RESOURCE_GROUP + "/v1 KafkaUser", KafkaUser.class);

    private static final String KEDA = "keda.sh/v1alpha1 ScaledObject";
    private static final StrictSchema SCALED_OBJECT = StrictSchema.ofCrd("/schemas/keda.sh_scaledobjects.yaml", "v1alpha1");

    private ManifestValidator() {
    }

    /** Every problem of the document, each naming file, document and field; empty when it is valid. */
    static List<String> problems(YamlDocuments.Document document) {
        List<String> problems = new ArrayList<>();
        String type = document.apiVersion() + " " + document.kind();
        Class<?> model = MODELS.get(type);
        if (model != null) {
            StrictModel.bind(document.content(), model, document.where(), problems);
        } else if (type.equals(KEDA)) {
            problems.addAll(SCALED_OBJECT.problems(document.content(), document.where()));
            // The CRD leaves metadata open; Kubernetes' own ObjectMeta closes it.
            if (document.content().get("metadata") instanceof Map<?, ?> metadata) {
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = (Map<String, Object>) metadata;
                StrictModel.bind(meta, ObjectMeta.class, document.where() + " metadata", problems);
            }
        } else {
            problems.add(document.where() + ": no resource model for " + type);
        }
        return problems;
    }
}
