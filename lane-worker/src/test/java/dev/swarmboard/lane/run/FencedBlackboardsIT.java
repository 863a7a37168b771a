package dev.swarmboard.lane.run;

import static dev.swarmboard.lane.LaneFixtures.artifact;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FencedBlackboardsIT {

    private final TopicCatalogue catalogue = new TopicCatalogue(KafkaFixture.uniqueName("fenced") + ".", 1, 1, 3, null);
    private final Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());

    @Test
    void shouldFenceAnEarlierDeliveryAndLetTheLaterOneReadWhatItCommitted() {
        new TopicProvisioner(KafkaFixture.admin()).provision(catalogue);
        RunLane task = task("m-fenced", lane("lane-a").build()).build();
        BlackboardEvent perceived = artifact(task, "perceive", "perception_snapshot", "perception_snapshot: {}");
        BlackboardEvent reacted = artifact(task, "react", "react_plan", "react_plan: {}");
        try (FencedBlackboards first = new FencedBlackboards(client, catalogue, Codecs.create(), "slot-1", "lane-worker/a");
             FencedBlackboards second = new FencedBlackboards(client, catalogue, Codecs.create(), "slot-2", "lane-worker/b");
             AttemptBlackboard delivery1 = first.open(task, 1)) {
            // Given delivery 1 committed one receipt
            delivery1.append(perceived);

            // When delivery 2 opens the same attempt
            try (AttemptBlackboard delivery2 = second.open(task, 2)) {

                // Then delivery 1 can write nothing more, and delivery 2 reads what delivery 1 committed
                assertThatThrownBy(() -> delivery1.append(reacted)).isInstanceOf(AttemptFenced.class);
                MissionView view = MissionView.open(delivery2, task);
                assertThat(view.find(perceived.getHeader().getEventId())).isPresent();
                assertThat(view.find(reacted.getHeader().getEventId())).isEmpty();
                delivery2.append(reacted);
                // (a fresh reader sees the commit once its markers move the last stable offset, shortly after)
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(MissionView.open(delivery2, task)
                        .events()).extracting(event -> event.getHeader().getEventId())
                        .containsExactly(perceived.getHeader().getEventId(), reacted.getHeader().getEventId()));
            }
        }
    }
}
