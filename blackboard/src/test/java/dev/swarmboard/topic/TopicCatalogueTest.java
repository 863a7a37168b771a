package dev.swarmboard.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void shouldPrefixEveryTopicAndKeepTheBlackboardForever() {
        TopicCatalogue catalogue = TopicCatalogue.withPrefix("team1.");

        assertThat(catalogue.topics()).extracting(TopicSpec::name).containsExactly(
                "team1.missions", "team1.lane-tasks", "team1.blackboard", "team1.dead-letters", "team1.schemas",
                "team1.mission-index", "team1.registry");
        TopicSpec blackboard = catalogue.topics().get(2);
        assertThat(blackboard.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(blackboard.fixedPartitions()).isTrue();
        assertThat(catalogue.topics().get(4).configs()).containsEntry("cleanup.policy", "compact");
        TopicSpec index = catalogue.topics().get(5);
        assertThat(index.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(index.partitions()).isEqualTo(blackboard.partitions());
        assertThat(index.fixedPartitions()).isTrue();
        assertThat(catalogue.topics().get(6).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalogue.topics().get(6).partitions()).isEqualTo(1);
    }
}
