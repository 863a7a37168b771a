package dev.swarmboard.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class ServiceAclsTest {

    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix("t.");

    @Test
    void shouldAssignReadersAndWritersToEveryCatalogueTopic() {
        // Then no topic of the catalogue is left without someone who writes and someone who reads it
        for (TopicSpec spec : CATALOGUE.topics()) {
            assertThat(spec.access().readers()).as(spec.name()).isNotEmpty();
            assertThat(spec.access().writers()).as(spec.name()).isNotEmpty();
        }
    }

    @Test
    void shouldGrantEachTopicOnlyToItsReadersAndWriters() {
        // When the ACLs are derived
        List<ServiceAcl> rules = ServiceAcls.derive(CATALOGUE);

        // Then only the CLI writes missions, only the orchestrator reads them and writes lane tasks
        assertThat(holders(rules, CATALOGUE.missions(), AclOperation.WRITE)).containsExactly(ServiceRole.CLI);
        assertThat(holders(rules, CATALOGUE.missions(), AclOperation.READ)).containsExactly(ServiceRole.ORCHESTRATOR);
        assertThat(holders(rules, CATALOGUE.laneTasks(), AclOperation.WRITE)).containsExactly(ServiceRole.ORCHESTRATOR);
        assertThat(holders(rules, CATALOGUE.laneTasks(), AclOperation.READ)).containsExactly(ServiceRole.LANE_WORKER);
        // And the CLI reads the blackboard but never writes it
        assertThat(holders(rules, CATALOGUE.blackboard(), AclOperation.WRITE)).doesNotContain(ServiceRole.CLI);
        assertThat(holders(rules, CATALOGUE.blackboard(), AclOperation.READ)).contains(ServiceRole.CLI);
    }

    @Test
    void shouldGrantTheGroupsAndTransactionalIdsTheServicesUse() {
        // When the lane worker's and the verifier's rules are derived
        List<ServiceAcl> lane = ServiceAcls.of(ServiceRole.LANE_WORKER, CATALOGUE);
        List<ServiceAcl> verifier = ServiceAcls.of(ServiceRole.VERIFIER, CATALOGUE);

        // Then the lane worker may write under every attempt's transactional id and consume its share group
        assertThat(lane).anySatisfy(rule -> {
            assertThat(rule.resource()).isEqualTo(new ResourcePattern(ResourceType.TRANSACTIONAL_ID,
                    CATALOGUE.clients().laneAttemptTransactionalIdPrefix(), PatternType.PREFIXED));
            assertThat(rule.operations()).containsExactlyInAnyOrder(AclOperation.WRITE, AclOperation.DESCRIBE);
        });
        assertThat(lane).anySatisfy(rule -> {
            assertThat(rule.resource()).isEqualTo(new ResourcePattern(ResourceType.GROUP,
                    CATALOGUE.clients().laneWorkerShareGroup(), PatternType.LITERAL));
            assertThat(rule.operations()).contains(AclOperation.READ, AclOperation.ALTER_CONFIGS);
        });
        // And no other group, and nothing on the cluster
        assertThat(lane).filteredOn(rule -> rule.resource().resourceType() == ResourceType.GROUP).hasSize(1);
        assertThat(lane).noneMatch(rule -> rule.resource().resourceType() == ResourceType.CLUSTER);
        // And the verifier owns its application id's internal topics and transactional ids by prefix
        assertThat(verifier).extracting(ServiceAcl::resource).contains(
                new ResourcePattern(ResourceType.TOPIC, "t.verifier-", PatternType.PREFIXED),
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "t.verifier-", PatternType.PREFIXED),
                new ResourcePattern(ResourceType.GROUP, "t.verifier", PatternType.LITERAL));
    }

    @Test
    void shouldCoverATopicAddedToTheCatalogueWithoutTouchingTheDerivation() {
        // Given a catalogue with one more topic, read by the digest and written by the orchestrator
        List<TopicSpec> topics = new ArrayList<>(CATALOGUE.topics());
        topics.add(new TopicSpec("t.extra", 1, false, null, Map.of())
                .withAccess(Set.of(ServiceRole.DIGEST), Set.of(ServiceRole.ORCHESTRATOR)));

        // When the ACLs of a catalogue listing it are derived
        List<ServiceAcl> rules = ServiceAcls.derive(CATALOGUE, topics);

        // Then its reader and writer got it
        assertThat(holders(rules, "t.extra", AclOperation.READ)).containsExactly(ServiceRole.DIGEST);
        assertThat(holders(rules, "t.extra", AclOperation.WRITE)).containsExactly(ServiceRole.ORCHESTRATOR);
    }

    @Test
    void shouldRefuseACatalogueTopicNobodyWasAssigned() {
        // Given a catalogue with a topic whose access was never decided
        List<TopicSpec> topics = new ArrayList<>(CATALOGUE.topics());
        topics.add(new TopicSpec("t.orphan", 1, false, null, Map.of()));

        // Then deriving ACLs fails, naming the topic
        assertThatIllegalStateException().isThrownBy(() -> ServiceAcls.derive(CATALOGUE, topics))
                .withMessageContaining("t.orphan");
    }

    @Test
    void shouldBindEveryOperationToTheServicesPrincipal() {
        // Given the digest under a principal named by hand
        Principals principals = new Principals("swarm-", Map.of(ServiceRole.DIGEST, "reports-bot"));

        // When its rules become Kafka bindings
        List<AclBinding> bindings = ServiceAcls.of(ServiceRole.DIGEST, CATALOGUE).stream()
                .flatMap(rule -> rule.bindings(principals).stream()).toList();

        // Then each is an ALLOW for that principal from any host
        assertThat(bindings).isNotEmpty().allSatisfy(binding -> {
            assertThat(binding.entry().principal()).isEqualTo("User:reports-bot");
            assertThat(binding.entry().host()).isEqualTo("*");
        });
    }

    private static List<ServiceRole> holders(List<ServiceAcl> rules, String topic, AclOperation operation) {
        return rules.stream()
                .filter(rule -> rule.resource().equals(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL)))
                .filter(rule -> rule.operations().contains(operation))
                .map(ServiceAcl::role).distinct().toList();
    }
}
