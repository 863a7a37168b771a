package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceAcl;
import dev.swarmboard.acl.ServiceAcls;
import dev.swarmboard.acl.ServiceRole;
import dev.swarmboard.acl.StrimziUsers;
import dev.swarmboard.topic.TopicCatalogue;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaUsersManifestTest {

    private static final Path FILE = KubernetesManifestsTest.KUBERNETES.resolve("kafka-users.yaml");

    @Test
    void shouldBeExactlyWhatTheGeneratorWritesForTheCatalogue() throws Exception {
        // Given the shipped KafkaUser file
        String shipped = Files.readString(FILE);

        // Then it is the generator's output for the default catalogue and principals, byte for byte
        assertThat(shipped)
                .as("deploy/kubernetes/kafka-users.yaml drifted from ServiceAcls; regenerate it with "
                        + "java -jar cli/target/swarm.jar manifests kafka-users > deploy/kubernetes/kafka-users.yaml")
                .isEqualTo(StrimziUsers.render(TopicCatalogue.defaults(), Principals.defaults(), "swarm-kafka",
                        "swarmboard"));
    }

    @Test
    void shouldGiveEveryServiceAScramUserWithExactlyItsDerivedRules() {
        // Given the file read as Strimzi KafkaUser resources
        List<String> problems = new ArrayList<>();
        Map<String, KafkaUser> users = YamlDocuments.read(FILE).stream()
                .map(document -> StrictModel.bind(document.content(), KafkaUser.class, document.where(), problems))
                .collect(Collectors.toMap(user -> user.getMetadata().getName(), user -> user));
        assertThat(problems).isEmpty();

        // Then there is one user per service, SCRAM-SHA-512, with simple authorization holding its derived rules
        Principals principals = Principals.defaults();
        assertThat(users).containsOnlyKeys(Arrays.stream(ServiceRole.values()).map(principals::userName).toList());
        for (ServiceRole role : ServiceRole.values()) {
            KafkaUser user = users.get(principals.userName(role));
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> rules = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertThat(rules.stream().map(KafkaUsersManifestTest::describe).toList()).as(role.id())
                    .containsExactlyElementsOf(ServiceAcls.of(role, TopicCatalogue.defaults()).stream()
                            .map(KafkaUsersManifestTest::describe).toList());
        }
    }

    @Test
    void shouldNotLetTheLaneWorkerWriteMissionsOrTheDigestDispatchLanes() {
        // Given the shipped rules of the lane worker and the digest
        Map<String, Set<String>> laneWorker = topicOperations("swarm-lane-worker");
        Map<String, Set<String>> digest = topicOperations("swarm-digest");

        // Then neither may write a topic that only the CLI or the orchestrator writes
        assertThat(laneWorker.get("swarm.missions")).doesNotContain("Write", "All");
        assertThat(digest.get("swarm.lane-tasks")).doesNotContain("Write", "All");
        assertThat(laneWorker.get("swarm.blackboard")).contains("Write");
    }

    private static Map<String, Set<String>> topicOperations(String userName) {
        List<String> problems = new ArrayList<>();
        KafkaUser user = YamlDocuments.read(FILE).stream()
                .map(document -> StrictModel.bind(document.content(), KafkaUser.class, document.where(), problems))
                .filter(candidate -> candidate.getMetadata().getName().equals(userName)).findFirst().orElseThrow();
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().stream()
                .filter(rule -> rule.getResource() instanceof AclRuleTopicResource)
                .collect(Collectors.toMap(rule -> ((AclRuleTopicResource) rule.getResource()).getName(),
                        rule -> rule.getOperations().stream().map(operation -> operation.toValue()).collect(Collectors.toSet())));
    }

    /** {@code topic swarm.missions (literal): [DESCRIBE, READ]} from a Strimzi rule. */
    private static String describe(AclRule rule) {
        String resource;
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            resource = "topic " + topic.getName() + " (" + pattern(topic.getPatternType()) + ")";
        } else if (rule.getResource() instanceof AclRuleGroupResource group) {
            resource = "group " + group.getName() + " (" + pattern(group.getPatternType()) + ")";
        } else if (rule.getResource() instanceof AclRuleTransactionalIdResource id) {
            resource = "transactionalId " + id.getName() + " (" + pattern(id.getPatternType()) + ")";
        } else if (rule.getResource() instanceof AclRuleClusterResource) {
            resource = "cluster";
        } else {
            throw new AssertionError("unexpected resource " + rule.getResource());
        }
        return resource + ": " + rule.getOperations().stream().map(Enum::name).sorted().toList();
    }

    /** The same description from a derived rule: Kafka's DESCRIBE_CONFIGS is Strimzi's DESCRIBECONFIGS. */
    private static String describe(ServiceAcl rule) {
        return rule.describeResource() + ": " + rule.orderedOperations().stream()
                .map(operation -> operation.name().replace("_", "")).sorted().toList();
    }

    private static String pattern(AclResourcePatternType type) {
        return type == AclResourcePatternType.PREFIX ? "prefix" : "literal";
    }
}
