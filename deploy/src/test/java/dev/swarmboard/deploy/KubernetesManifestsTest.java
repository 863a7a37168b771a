package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesManifestsTest {

    static final Path KUBERNETES = Path.of("kubernetes");

    static List<YamlDocuments.Document> documents() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .flatMap(file -> YamlDocuments.read(file).stream()).toList();
        }
    }

    @Test
    void shouldHoldEveryManifestToItsResourceModel() throws IOException {
        // Given every document of every manifest file
        List<YamlDocuments.Document> documents = documents();

        // Then each binds to its Kubernetes, Strimzi or KEDA model with no unknown field
        assertThat(documents).extracting(YamlDocuments.Document::kind)
                .contains("Deployment", "StatefulSet", "Service", "Job", "PersistentVolumeClaim", "KafkaTopic",
                        "KafkaUser", "ScaledObject");
        assertThat(documents.stream().flatMap(document -> ManifestValidator.problems(document).stream())).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "swarmboard.yaml, 'readinessProbe:', 'readinesProbe:', readinesProbe",
            "swarmboard.yaml, 'fsGroup: 10001', 'fsGroupp: 10001', fsGroupp",
            "swarmboard.yaml, 'clusterIP: None', 'clusterIp: None', clusterIp",
            "kafka-topics.yaml, 'partitions: 6', 'partition: 6', partition",
            "kafka-users.yaml, 'patternType: prefix', 'patternTyp: prefix', patternTyp",
            "keda-scaledobject.yaml, 'minReplicaCount: 0', 'minReplicasCount: 0', minReplicasCount",
            "keda-scaledobject.yaml, 'namespace: swarmboard', 'namepsace: swarmboard', namepsace"})
    void shouldCatchAMisspeltFieldInACopyOfAManifest(String file, String field, String misspelt, String named)
            throws IOException {
        // Given a copy of a manifest with one field misspelt
        String text = Files.readString(KUBERNETES.resolve(file));
        assertThat(text).contains(field);
        String broken = text.replaceFirst(java.util.regex.Pattern.quote(field), misspelt);

        // When it is validated
        List<String> problems = YamlDocuments.parse(Path.of(file), broken).stream()
                .flatMap(document -> ManifestValidator.problems(document).stream()).toList();

        // Then the misspelt field is named
        assertThat(problems).isNotEmpty().anySatisfy(problem -> assertThat(problem).contains(named));
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeAndAKindWithoutModel() {
        // Given a replica count that is not a number and a kind nobody validates
        List<YamlDocuments.Document> documents = YamlDocuments.parse(Path.of("inline.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replicas: many}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: y}
                """);

        // Then both are problems
        assertThat(ManifestValidator.problems(documents.get(0))).singleElement().asString().contains("many");
        assertThat(ManifestValidator.problems(documents.get(1))).containsExactly(
                "inline.yaml#1 Pod/y: no resource model for v1 Pod");
    }
}
