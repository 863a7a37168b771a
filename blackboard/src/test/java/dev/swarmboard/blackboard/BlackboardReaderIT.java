package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlackboardReaderIT {

    private final Codecs codecs = Codecs.create();
    private final TopicCatalogue catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("reader") + ".");
    private final Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
    private BlackboardWriter writer;
    private BlackboardReader reader;

    @BeforeEach
    void open() throws Exception {
        new TopicProvisioner(KafkaFixture.admin()).provision(catalogue);
        writer = BlackboardWriter.create(client, catalogue, codecs, "reader-it");
        reader = new BlackboardReader(client, catalogue, codecs);
    }

    @AfterEach
    void close() {
        reader.close();
        writer.close();
    }

    @Test
    void shouldReadOnlyWhatWasAppendedSinceAnEarlierEndOffset() throws Exception {
        // Given a mission with one event, read to its end
        writer.append(started("m-1", "first")).get();
        MissionLog first = reader.readMission("m-1");
        long end = reader.endOffset("m-1");

        // When a second event is appended and the reader reads from the earlier end
        writer.append(started("m-1", "second")).get();
        MissionLog since = reader.readMission("m-1", end, reader.endOffset("m-1"));

        // Then the full read saw the first event and the incremental read only the second
        assertThat(first.events()).extracting(event -> workerOf(event.event())).containsExactly("first");
        assertThat(since.events()).extracting(event -> workerOf(event.event())).containsExactly("second");
        assertThat(reader.readMission("m-1").events()).hasSize(2);
    }

    @Test
    void shouldReadFromTheStartOfTheLogWhenAskedForOffsetsAlreadyDeleted() throws Exception {
        // Given a mission of three events whose first two were deleted from the log
        writer.append(started("m-2", "first")).get();
        writer.append(started("m-2", "second")).get();
        var third = writer.append(started("m-2", "third")).get();
        TopicPartition partition = new TopicPartition(catalogue.blackboard(), third.partition());
        KafkaFixture.admin().deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(third.offset())))
                .all().get();

        // When it is read from offset 0
        MissionLog log = reader.readMission("m-2", 0, reader.endOffset("m-2"));

        // Then the read starts where the log now starts and holds what is left
        assertThat(log.events()).extracting(event -> workerOf(event.event())).containsExactly("third");
    }

    private static BlackboardEvent started(String mission, String worker) {
        return Events.create(EventOrigin.mission(mission, "reader-it").forLane("lane-a", 1),
                new LaneStarted(worker, 1, List.of(), ""), Instant.now(), mission, worker);
    }

    private static String workerOf(BlackboardEvent event) {
        return ((LaneStarted) event.getPayload()).getWorker();
    }
}
