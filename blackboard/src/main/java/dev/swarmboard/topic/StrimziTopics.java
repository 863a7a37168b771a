package dev.swarmboard.topic;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue as Strimzi {@code KafkaTopic} resources, so a cluster managed by the Topic Operator
 * holds exactly the topics, partition counts and configs {@link TopicProvisioner} would create.
 * {@code deploy/kubernetes/kafka-topics.yaml} is this output; a test fails when the two drift.
 */
public final class StrimziTopics {

    /** The API version of the KafkaTopic resources written. */
    public static final String API_VERSION = "kafka.strimzi.io/v1";

    private StrimziTopics() {
    }

    /**
     * Every topic of the catalogue as one YAML document each, in the namespace of the Strimzi cluster
     * named (the one its Topic Operator watches).
     */
    public static String render(TopicCatalogue catalogue, String cluster, String namespace) {
        StringBuilder yaml = new StringBuilder()
                .append("# Generated from TopicCatalogue (").append(catalogue.prefix()).append(" prefix) by\n")
                .append("#   java -jar cli/target/swarm.jar manifests kafka-topics --cluster ").append(cluster)
                .append(" --namespace ").append(namespace).append(" > deploy/kubernetes/kafka-topics.yaml\n")
                .append("# Do not edit: KafkaTopicsManifestTest fails when this file and the catalogue differ.\n");
        for (TopicSpec spec : catalogue.topics()) {
            yaml.append("---\n").append(document(spec, cluster, namespace));
        }
        return yaml.toString();
    }

    /** The Kubernetes name of a topic's resource: topic names may hold dots and capitals, resource names not. */
    public static String resourceName(String topic) {
        return topic.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    private static String document(TopicSpec spec, String cluster, String namespace) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: ").append(API_VERSION).append('\n')
                .append("kind: KafkaTopic\n")
                .append("metadata:\n")
                .append("  name: ").append(resourceName(spec.name())).append('\n')
                .append("  namespace: ").append(namespace).append('\n')
                .append("  labels:\n")
                .append("    strimzi.io/cluster: ").append(cluster).append('\n')
                .append("spec:\n")
                .append("  topicName: ").append(spec.name()).append('\n')
                .append("  partitions: ").append(spec.partitions()).append('\n');
        if (spec.replicationFactor() != null) {
            yaml.append("  replicas: ").append(spec.replicationFactor()).append('\n');
        }
        yaml.append("  config:\n");
        Map<String, String> configs = new TreeMap<>(spec.configs());
        configs.forEach((key, value) -> yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        return yaml.toString();
    }
}
