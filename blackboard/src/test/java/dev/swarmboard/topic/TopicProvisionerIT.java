package dev.swarmboard.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.localkafka.KafkaFixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerIT {

    private final Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());

    @Test
    void shouldCreateWhatIsMissingAndAcceptItOnTheNextRun() {
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("prov") + ".");
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);

            // When provisioned twice
            TopicProvisioner.Report first = provisioner.provision(catalogue);
            TopicProvisioner.Report second = provisioner.provision(catalogue);

            // Then the first run creates every topic of the catalogue and the second finds them in place
            assertThat(first.created()).containsExactlyInAnyOrderElementsOf(
                    catalogue.topics().stream().map(TopicSpec::name).toList());
            assertThat(second.created()).isEmpty();
            assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(
                    catalogue.topics().stream().map(TopicSpec::name).toList());
        }
    }

    @Test
    void shouldRefuseAnExistingBlackboardThatWouldExpireOrRepartitionEvents() throws Exception {
        // Given a blackboard topic someone created with 2 partitions and a one-day retention
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("conflict") + ".");
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(catalogue.blackboard(), Optional.of(2), Optional.empty())
                    .configs(Map.of("retention.ms", "86400000")))).all().get();

            // When provisioning, Then both contradictions are named and nothing is silently accepted
            assertThatThrownBy(() -> new TopicProvisioner(admin).provision(catalogue))
                    .isInstanceOfSatisfying(TopicConflictException.class, e -> assertThat(e.conflicts())
                            .containsExactlyInAnyOrder(
                                    catalogue.blackboard() + " has 2 partitions, catalogue says exactly 6",
                                    catalogue.blackboard() + " has retention.ms=86400000, catalogue says -1"));
        }
    }

    @Test
    void shouldVerifyWithoutCreatingAndNameEveryMissingTopic() throws Exception {
        // Given a prefix with a typo, for which no topic exists
        TopicCatalogue typo = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("sawrm") + ".");
        try (Admin admin = Admin.create(client)) {

            // When a service verifies the catalogue
            // Then it is refused with the five missing names, and no topic of that prefix was created
            assertThatThrownBy(() -> new TopicProvisioner(admin).verify(typo))
                    .isInstanceOfSatisfying(MissingTopicsException.class, e -> assertThat(e.missing())
                            .containsExactlyElementsOf(typo.topics().stream().map(TopicSpec::name).toList()))
                    .hasMessageContaining("swarm topics");
            assertThat(admin.listTopics().names().get()).noneMatch(name -> name.startsWith(typo.prefix()));
        }
    }

    @Test
    void shouldAcceptTopicsProvisionedWithAnotherLayout() {
        // Given topics provisioned with 5 partitions, as `swarm topics --partitions 5` does
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("layout") + ".");
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            provisioner.provision(catalogue.withLayout(5, null));

            // When a service verifies them with its default catalogue, Then nothing is refused
            provisioner.verify(catalogue);
            assertThat(provisioner.provision(catalogue.withLayout(5, null)).created()).isEmpty();
        }
    }
}
