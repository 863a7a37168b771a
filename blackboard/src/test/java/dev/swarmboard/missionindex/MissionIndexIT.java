package dev.swarmboard.missionindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reader of a mission started after lots of history reads the mission, not the partition. */
class MissionIndexIT {

    private static final int HISTORY = 50_000;
    private static final Codecs CODECS = Codecs.create();
    private static final TopicCatalogue CATALOGUE =
            new TopicCatalogue(KafkaFixture.uniqueName("index") + ".", 1, 1, 1, null);
    private static final Map<String, Object> CLIENT = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
    private static long missionStart;

    @BeforeAll
    static void writeHistoryThenAnIndexedMission() throws Exception {
        // Given 50k receipts of other missions (one of them, old-1, never indexed), a partition
        // indexed from 0, and a mission indexed at the end of that history
        BlackboardSetup.provision(CLIENT, CATALOGUE);
        try (BlackboardWriter writer = BlackboardWriter.create(CLIENT, CATALOGUE, CODECS, "index-it")) {
            for (int i = 0; i < HISTORY; i++) {
                writer.append(started(i == 100 ? "old-1" : "foreign-" + (i % 500), "w-" + i));
            }
            writer.append(started("old-1", "late")).get();
            try (BlackboardReader reader = new BlackboardReader(CLIENT, CATALOGUE, CODECS)) {
                missionStart = reader.endOffset("new-1");
            }
            index(MissionIndexCodec.INDEXED_FROM_KEY, 0, 0);
            index("new-1", 0, missionStart);
            writer.append(started("new-1", "a")).get();
            writer.append(started("new-1", "b")).get();
        }
    }

    @Test
    void shouldReadAnIndexedMissionFromItsStartOnly() {
        try (BlackboardReader reader = new BlackboardReader(CLIENT, CATALOGUE, CODECS)) {
            // When the mission is read cold
            MissionLog log = reader.readMission("new-1");

            // Then the read began at the indexed start and polled only the mission's records
            assertThat(log.events()).hasSize(2);
            assertThat(reader.lastRead().fromOffset()).isEqualTo(missionStart).isGreaterThan(HISTORY);
            assertThat(reader.lastRead().recordsPolled()).isEqualTo(2);
        }
    }

    @Test
    void shouldReadFromACarriedStartWithoutTheIndex() {
        try (BlackboardReader reader = new BlackboardReader(CLIENT, CATALOGUE.blackboard(), CODECS)) {
            MissionLog log = reader.readMission("new-1", new MissionStart(0, missionStart));

            assertThat(log.events()).hasSize(2);
            assertThat(reader.lastRead().recordsPolled()).isEqualTo(2);
        }
    }

    @Test
    void shouldScanAMissionTheIndexDoesNotKnowFromOffsetZero() {
        try (BlackboardReader reader = new BlackboardReader(CLIENT, CATALOGUE, CODECS)) {
            // When a mission written before (outside) the index is read
            MissionLog log = reader.readMission("old-1");

            // Then the reader fell back to the whole partition and found every event of it
            assertThat(log.events()).extracting(event -> ((LaneStarted) event.event().getPayload()).getWorker())
                    .containsExactly("w-100", "late");
            assertThat(reader.lastRead().fromOffset()).isZero();
            assertThat(reader.lastRead().recordsPolled()).isGreaterThan(HISTORY);
            assertThat(reader.start("never-submitted")).isEqualTo(new ReadStart.Absent());
        }
    }

    @Test
    void shouldFollowANewMissionFromThePartitionsEnd() {
        MissionLocation location = MissionLocation.of(CLIENT, CATALOGUE, "never-submitted");

        assertThat(location.start()).isEqualTo(new ReadStart.Absent());
        assertThat(location.followFrom()).isEqualTo(location.end()).isGreaterThan(missionStart);
        assertThat(MissionLocation.of(CLIENT, CATALOGUE, "new-1").followFrom()).isEqualTo(missionStart);
    }

    @Test
    void shouldListTheOpenFollowUpsOfAPartitionWithoutTheSettledOnes() throws Exception {
        // Given a pause, two escalations of which one is settled (tombstoned), and an unknown kind
        String paused = MissionIndexCodec.followUpKey(IndexEntry.FollowUp.PAUSED, "new-1", "");
        String open = MissionIndexCodec.followUpKey(IndexEntry.FollowUp.ESCALATION, "new-1", "e-open");
        String settled = MissionIndexCodec.followUpKey(IndexEntry.FollowUp.ESCALATION, "new-1", "e-settled");
        index(paused, 0, missionStart);
        index(open, 0, missionStart);
        index(settled, 0, missionStart);
        write(settled, 0, null);
        index("*snoozed/new-1", 0, missionStart);

        // When the partition's follow-ups are read cold
        try (MissionIndex index = new MissionIndex(CLIENT, CATALOGUE.missionIndex())) {
            // Then the open ones are listed, the unknown one as malformed, the settled one not at all
            assertThat(index.followUps(0)).containsExactlyInAnyOrder(
                    new IndexEntry.FollowUp("paused", "new-1", "", 0, missionStart),
                    new IndexEntry.FollowUp("escalation", "new-1", "e-open", 0, missionStart),
                    new IndexEntry.Malformed("*snoozed/new-1", "unknown follow-up '*snoozed/new-1'"));
            assertThat(index.lookup("new-1", 0, CATALOGUE.blackboardPartitions()))
                    .isEqualTo(new ReadStart.At(missionStart, "mission index"));
        }
    }

    private static void index(String key, int partition, long offset) throws Exception {
        write(key, partition, MissionIndexCodec.encodeValue(partition, offset));
    }

    private static void write(String key, int partition, byte[] value) throws Exception {
        Map<String, Object> properties = new HashMap<>(CLIENT);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(CATALOGUE.missionIndex(), partition, key.getBytes(StandardCharsets.UTF_8),
                    value)).get();
        }
    }

    private static BlackboardEvent started(String mission, String worker) {
        return Events.create(EventOrigin.mission(mission, "index-it").forLane("lane-a", 1),
                new LaneStarted(worker, 1, List.of(), ""), Instant.now(), mission, worker);
    }
}
