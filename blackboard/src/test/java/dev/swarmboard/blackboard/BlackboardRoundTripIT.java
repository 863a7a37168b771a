package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.codec.SampleRecords;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlackboardRoundTripIT {

    private static final Codecs CODECS = Codecs.create();
    private static TopicCatalogue catalogue;
    private static Map<String, Object> client;
    private static BlackboardWriter writer;

    @BeforeAll
    static void provision() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("roundtrip") + ".");
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin).provision(catalogue);
        }
        writer = BlackboardWriter.create(client, catalogue, CODECS, "roundtrip-test");
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    @Test
    void shouldRoundTripEveryEventTypeAndDecodeItFromTheAvscFilesAlone() throws Exception {
        // Given one event of every payload type, written through a real broker
        List<BlackboardEvent> written = SampleRecords.oneEventPerPayloadType("mission-every-type");
        for (BlackboardEvent event : written) {
            writer.append(event).get();
        }

        // When the mission is read back
        MissionLog log;
        try (BlackboardReader reader = new BlackboardReader(client, catalogue, CODECS)) {
            log = reader.readMission("mission-every-type");
        }

        // Then the Java reader gets every event back, in order
        assertThat(log.events()).extracting(RecordedEvent::event).containsExactlyElementsOf(written);
        assertThat(log.undecodable()).isEmpty();

        // And a consumer holding only the .avsc files decodes every stored value as a generic record,
        // and recomputes each payload's content hash from it
        Schema envelope = AvscFiles.parseEnvelope(Path.of("..", "schemas", "src", "main", "avro"));
        BinaryMessageDecoder<GenericRecord> generic = new BinaryMessageDecoder<>(GenericData.get(), envelope);
        for (int i = 0; i < written.size(); i++) {
            GenericRecord decoded = generic.decode(log.events().get(i).value());
            GenericRecord header = (GenericRecord) decoded.get("header");
            GenericRecord payload = (GenericRecord) decoded.get("payload");
            assertThat(header.get("type").toString()).isEqualTo(payload.getSchema().getName());
            assertThat(header.get("eventId").toString()).isEqualTo(written.get(i).getHeader().getEventId());
            assertThat(ContentHash.sha256Hex(binary(payload)))
                    .isEqualTo(ContentHash.of((org.apache.avro.specific.SpecificRecord) written.get(i).getPayload()));
        }
    }

    @Test
    void shouldReadOnlyTheMissionsOwnEventsFromItsPartition() throws Exception {
        // Given events of two missions interleaved
        List<BlackboardEvent> first = SampleRecords.oneEventPerPayloadType("mission-a").subList(0, 3);
        List<BlackboardEvent> second = SampleRecords.oneEventPerPayloadType("mission-b").subList(0, 3);
        for (int i = 0; i < 3; i++) {
            var appended = writer.append(first.get(i)).get();
            writer.append(second.get(i)).get();

            // Then the writer's partition is the one the reader computes from the key
            assertThat(appended.partition())
                    .isEqualTo(MissionPartition.of("mission-a", catalogue.blackboardPartitions()));
        }

        // When one mission is read
        try (BlackboardReader reader = new BlackboardReader(client, catalogue, CODECS)) {
            MissionLog log = reader.readMission("mission-a");

            // Then only its events come back, in write order, with a head over their stored bytes
            assertThat(log.events()).extracting(RecordedEvent::event).containsExactlyElementsOf(first);
            HeadHash expected = HeadHash.GENESIS;
            for (RecordedEvent event : log.events()) {
                expected = expected.next(CODECS.events().codec().encode(event.event()));
            }
            assertThat(log.head()).isEqualTo(expected);
        }
    }

    private static byte[] binary(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Parses the envelope from the .avsc files the way a non-Java consumer would: files only. */
    static final class AvscFiles {

        static Schema parseEnvelope(Path avroDir) throws IOException {
            Schema.Parser parser = new Schema.Parser();
            // Named types must be defined before use: common types in dependency order, then the rest.
            List<String> common = List.of("Reason", "EvidenceRef", "FileRef", "Workspace", "KeyValue", "ModelRoute", "ContextStrategy",
                    "StageType", "StagePlan", "PlannedLane", "MissionStart", "Plan", "Constraints", "ContactPolicy", "LaneSpec",
                    "MissionSpec", "CheckResult", "Vote");
            for (String name : common) {
                parser.parse(avroDir.resolve("common").resolve(name + ".avsc").toFile());
            }
            try (var events = Files.list(avroDir.resolve("events"))) {
                for (Path file : events.sorted().toList()) {
                    parser.parse(file.toFile());
                }
            }
            return parser.parse(avroDir.resolve("BlackboardEvent.avsc").toFile());
        }
    }
}
