package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.List;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only {@code swarm topics} creates topics, with the layout asked for; other commands refuse a missing one. */
class TopicsCommandIT {

    @RegisterExtension
    final CapturedStdErr err = new CapturedStdErr();

    @Test
    void shouldCreateTheCatalogueWithThePartitionsAndReplicationFactorAskedFor() throws Exception {
        // Given a fresh prefix
        String prefix = KafkaFixture.uniqueName("topics") + ".";
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(prefix);

        // When `swarm topics` runs with a layout
        int exit = SwarmCommand.execute("topics", "--bootstrap", KafkaFixture.bootstrapServers(), "--topic-prefix",
                prefix, "--partitions", "4", "--replication-factor", "1");

        // Then the topics exist with those partitions, the blackboard keeping its fixed six
        assertThat(exit).isZero();
        var topics = KafkaFixture.admin().describeTopics(List.of(catalogue.missions(), catalogue.laneTasks(),
                catalogue.blackboard())).allTopicNames().get();
        assertThat(topics.get(catalogue.missions()).partitions()).hasSize(4);
        assertThat(topics.get(catalogue.laneTasks()).partitions()).hasSize(4);
        assertThat(topics.get(catalogue.blackboard()).partitions()).hasSize(6);
        assertThat(topics.values()).flatExtracting(TopicDescription::partitions)
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
    }

    @Test
    void shouldRefuseACommandOnAMistypedPrefixNamingTheMissingTopicsAndCreateNothing() throws Exception {
        // Given a prefix with a typo
        String typo = KafkaFixture.uniqueName("sawrm") + ".";

        // When a mission is cancelled under it
        int exit = SwarmCommand.execute("cancel", "m-1", "--reason", "typo", "--bootstrap",
                KafkaFixture.bootstrapServers(), "--topic-prefix", typo);

        // Then one line names the missing topics, and none was created
        assertThat(exit).isEqualTo(1);
        assertThat(err.text()).startsWith("swarm: missing topics " + typo + "missions, ")
                .contains(typo + "blackboard").contains("swarm topics");
        assertThat(KafkaFixture.admin().listTopics().names().get()).noneMatch(name -> name.startsWith(typo));
    }
}
