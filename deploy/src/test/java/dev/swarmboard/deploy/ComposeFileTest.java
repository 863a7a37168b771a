package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final Path FILE = Path.of("compose", "compose.yaml");
    private static final StrictSchema COMPOSE_SPEC = StrictSchema.ofJsonSchema("/schemas/compose-spec.json");

    private final Map<String, Object> compose = YamlDocuments.read(FILE).get(0).content();

    @Test
    void shouldFollowTheComposeSpecification() {
        assertThat(COMPOSE_SPEC.problems(compose, "compose.yaml")).isEmpty();
    }

    @Test
    void shouldCatchAMisspeltFieldInACopy() throws Exception {
        // Given a copy with "healthcheck" misspelt in the kafka service
        String broken = Files.readString(FILE).replaceFirst("    healthcheck:\n      test: \\[\"CMD-SHELL\"",
                "    healtcheck:\n      test: [\"CMD-SHELL\"");
        Map<String, Object> copy = YamlDocuments.parse(FILE, broken).get(0).content();

        // Then the specification names it
        assertThat(COMPOSE_SPEC.problems(copy, "copy")).anySatisfy(problem -> assertThat(problem).contains("healtcheck"));
    }

    @Test
    void shouldStartServicesOnlyAfterWhatTheyDependOnIsHealthyOrDone() {
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> dependencies(service).forEach((target, condition) -> {
            assertThat(services).as(name + " depends on " + target).containsKey(target);
            if ("service_healthy".equals(condition.get("condition"))) {
                assertThat(healthcheck(services.get(target))).as(target + " healthcheck").containsKey("test");
            } else {
                assertThat(condition.get("condition")).as(name + " -> " + target).isEqualTo("service_completed_successfully");
            }
        }));
        assertThat(dependencies(services.get("topics"))).containsOnlyKeys("kafka");
        for (String service : List.of("orchestrator", "lane-worker", "verifier", "digest")) {
            assertThat(dependencies(services.get(service))).as(service).containsOnlyKeys("kafka", "topics");
            assertThat(healthcheck(services.get(service)).get("test")).asString().contains("/ready");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMountOnlyDeclaredVolumesAndUseEachWhereTheServiceWrites() {
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        Map<String, String> mounts = new java.util.HashMap<>();
        services().forEach((name, service) -> ((List<String>) service.getOrDefault("volumes", List.of()))
                .forEach(volume -> {
                    String[] parts = volume.split(":");
                    assertThat(declared).as(name + " volume " + parts[0]).contains(parts[0]);
                    mounts.put(name + " " + parts[0], parts[1]);
                }));
        assertThat(mounts.keySet().stream().map(key -> key.split(" ")[1])).containsExactlyInAnyOrderElementsOf(declared);

        Map<String, Object> kafka = environment("kafka");
        assertThat(mounts).containsEntry("kafka kafka-data", (String) kafka.get("KAFKA_LOG_DIRS"));
        List<String> digest = (List<String>) services().get("digest").get("command");
        assertThat(mounts).containsEntry("digest reports", digest.get(digest.indexOf("--out") + 1));
        assertThat(mounts).containsEntry("verifier verifier-data", "/opt/swarm/data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldOfferTheBrokerToTheHostOnTheAddressTheSubmitExampleUses() throws Exception {
        Map<String, Object> kafka = environment("kafka");
        assertThat((String) kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://127.0.0.1:9094");
        assertThat((String) kafka.get("KAFKA_LISTENERS")).contains("HOST://:9094");
        assertThat((String) kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("HOST:PLAINTEXT");
        assertThat((List<String>) services().get("kafka").get("ports")).contains("127.0.0.1:9094:9094");
        assertThat(Files.readString(FILE)).contains("swarm.jar submit --bootstrap 127.0.0.1:9094");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services().get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> dependencies(Map<String, Object> service) {
        return (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> healthcheck(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("healthcheck", Map.of());
    }
}
