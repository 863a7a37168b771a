package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.topic.StrimziTopics;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicSpec;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaTopicsManifestTest {

    private static final Path FILE = KubernetesManifestsTest.KUBERNETES.resolve("kafka-topics.yaml");

    @Test
    void shouldBeExactlyWhatTheGeneratorWritesForTheCatalogue() throws Exception {
        // Given the shipped KafkaTopic file and the catalogue's default topics
        String shipped = Files.readString(FILE);

        // Then the file is the generator's output, byte for byte
        assertThat(shipped)
                .as("deploy/kubernetes/kafka-topics.yaml drifted from TopicCatalogue; regenerate it with "
                        + "java -jar cli/target/swarm.jar manifests kafka-topics > deploy/kubernetes/kafka-topics.yaml")
                .isEqualTo(StrimziTopics.render(TopicCatalogue.defaults(), "swarm-kafka", "swarmboard"));
    }

    @Test
    void shouldDeclareEveryCatalogueTopicWithItsPartitionsAndConfigs() {
        // Given the file read as Strimzi KafkaTopic resources
        List<String> problems = new ArrayList<>();
        Map<String, KafkaTopic> topics = YamlDocuments.read(FILE).stream()
                .map(document -> StrictModel.bind(document.content(), KafkaTopic.class, document.where(), problems))
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), topic -> topic));

        // Then it names the catalogue's topics, each with the catalogue's partitions and configs
        assertThat(problems).isEmpty();
        List<TopicSpec> catalogue = TopicCatalogue.defaults().topics();
        assertThat(topics).containsOnlyKeys(catalogue.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : catalogue) {
            KafkaTopic topic = topics.get(spec.name());
            assertThat(topic.getApiVersion()).isEqualTo(KafkaTopic.RESOURCE_GROUP + "/v1");
            assertThat(KafkaTopic.VERSIONS).contains("v1");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "swarm-kafka");
            assertThat(topic.getSpec().getPartitions()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.getSpec().getReplicas()).as(spec.name()).isNull();
            assertThat(topic.getSpec().getConfig()).as(spec.name()).isEqualTo(Map.copyOf(spec.configs()));
        }
    }

    @Test
    void shouldNotMatchACatalogueWithAnotherPartitionCount() throws Exception {
        // Given a catalogue that differs from the defaults in one partition count
        TopicCatalogue changed = new TopicCatalogue(TopicCatalogue.DEFAULT_PREFIX, 3, 3, 12, null);

        // Then the shipped file is not its output: the drift test would fail
        assertThat(Files.readString(FILE)).isNotEqualTo(StrimziTopics.render(changed, "swarm-kafka", "swarmboard"));
    }
}
