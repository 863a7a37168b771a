package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.backlog.Backlog;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ManifestConsistencyTest {

    private static final List<YamlDocuments.Document> DOCUMENTS = new ArrayList<>();
    private static final Map<String, PodSpec> PODS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws Exception {
        DOCUMENTS.addAll(KubernetesManifestsTest.documents());
        of(Deployment.class).forEach(d -> PODS.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        of(StatefulSet.class).forEach(s -> PODS.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));
        of(Job.class).forEach(j -> PODS.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
    }

    @Test
    void shouldRunEveryPodAsTheImagesNonRootUserOwningItsVolumes() {
        assertThat(PODS).isNotEmpty().allSatisfy((name, pod) -> {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getFsGroup()).as(name).isEqualTo(10001L);
        });
    }

    @Test
    void shouldBoundEveryContainerAndProbeEveryServiceOnReadyAndHealthy() {
        PODS.forEach((name, pod) -> pod.getContainers().forEach(container -> {
            String where = name + " container " + container.getName();
            assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(where).containsKeys("cpu", "memory");
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
            if (!name.startsWith("Job/")) {
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(where).isEqualTo("/ready");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(where).isEqualTo("/healthy");
                assertThat(container.getPorts()).as(where).anySatisfy(port -> assertThat(port.getName()).isEqualTo(
                        container.getReadinessProbe().getHttpGet().getPort().getStrVal()));
            }
        }));
    }

    @Test
    void shouldGiveTheStatefulSetAHeadlessServiceOfItsName() {
        Map<String, Service> services = of(Service.class).stream()
                .collect(Collectors.toMap(service -> service.getMetadata().getName(), service -> service));
        assertThat(of(StatefulSet.class)).isNotEmpty().allSatisfy(set -> {
            Service service = services.get(set.getSpec().getServiceName());
            assertThat(service).as("Service " + set.getSpec().getServiceName()).isNotNull();
            assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
            assertThat(service.getSpec().getSelector()).isEqualTo(set.getSpec().getSelector().getMatchLabels());
        });
    }

    @Test
    void shouldKeepReportsOnAClaimThatExists() {
        Set<String> claims = of(PersistentVolumeClaim.class).stream().map(c -> c.getMetadata().getName())
                .collect(Collectors.toSet());
        PodSpec digest = PODS.get("Deployment/digest");
        Volume reports = digest.getVolumes().stream().filter(v -> v.getName().equals("reports")).findFirst().orElseThrow();
        assertThat(reports.getPersistentVolumeClaim().getClaimName()).isIn(claims);
        Container container = digest.getContainers().get(0);
        String out = container.getArgs().get(container.getArgs().indexOf("--out") + 1);
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("reports");
            assertThat(mount.getMountPath()).isEqualTo(out);
        });
    }

    @Test
    void shouldAuthenticateEveryServiceAsAKafkaUserOfItsOwn() {
        Set<String> users = of(KafkaUser.class).stream().map(user -> user.getMetadata().getName()).collect(Collectors.toSet());
        List<String> used = PODS.values().stream().flatMap(pod -> pod.getContainers().stream())
                .flatMap(container -> container.getEnv().stream())
                .filter(env -> env.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .map(EnvVar::getValueFrom).map(from -> from.getSecretKeyRef().getName()).toList();
        assertThat(used).hasSize(PODS.size()).doesNotHaveDuplicates();
        // swarm-cli is for people running swarm submit, approve, replay against the cluster; no pod uses it.
        assertThat(users).containsAll(used);
        assertThat(users.stream().filter(user -> !used.contains(user))).containsExactly("swarm-cli");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldScaleTheLaneWorkersOnTheBacklogServiceThatExists() {
        Map<String, Object> scaled = DOCUMENTS.stream().filter(d -> d.kind().equals("ScaledObject")).findFirst()
                .orElseThrow().content();
        Map<String, Object> spec = (Map<String, Object>) scaled.get("spec");
        assertThat(((Map<String, Object>) spec.get("scaleTargetRef")).get("name")).isEqualTo("lane-worker");
        assertThat(PODS).containsKey("Deployment/lane-worker");

        Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        assertThat(trigger.get("type")).isEqualTo("metrics-api");
        // The value KEDA reads is the key the backlog endpoint writes.
        String json = new Backlog("g", "t", Map.of(0, 4L)).toJson();
        assertThat(json).contains("\"" + metadata.get("valueLocation") + "\":4");

        URI url = URI.create((String) metadata.get("url"));
        String[] host = url.getHost().split("\\.");
        assertThat(url.getPath()).isEqualTo("/backlog");
        Service service = of(Service.class).stream().filter(s -> s.getMetadata().getName().equals(host[0])).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + host[0]));
        assertThat(host[1]).isEqualTo(service.getMetadata().getNamespace());
        assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getPort()).isEqualTo(url.getPort()));
        Container backlog = PODS.get("Deployment/" + host[0]).getContainers().get(0);
        assertThat(backlog.getArgs()).containsExactly("run", "backlog");
    }

    private static <T> List<T> of(Class<T> type) {
        String kind = type.getSimpleName();
        List<String> problems = new ArrayList<>();
        List<T> bound = DOCUMENTS.stream().filter(document -> document.kind().equals(kind))
                .map(document -> StrictModel.bind(document.content(), type, document.where(), problems)).toList();
        assertThat(problems).isEmpty();
        return bound;
    }
}
