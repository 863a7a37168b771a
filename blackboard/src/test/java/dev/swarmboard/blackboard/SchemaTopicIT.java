package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.codec.SampleRecords;
import dev.swarmboard.codec.SchemaRegistry;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.codec.ContentHash;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class SchemaTopicIT {

    @Test
    void shouldLetAnOlderReaderDecodeANewerWriterOnceItLoadedTheSchemasTopic() {
        // Given a newer writer whose RunLane schema has an extra defaulted field, published to the topic
        Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(KafkaFixture.uniqueName("schemas") + ".");
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin).provision(catalogue);
        }
        Schema newer = new Schema.Parser().parse(RunLane.getClassSchema().toString().replaceFirst(
                "\"fields\":\\[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":7},"));
        SchemaTopic topic = new SchemaTopic(client, catalogue.schemas());
        topic.publishCurrent();
        topic.publish(List.of(newer));
        byte[] bytes = encodeWithNewer(newer, SampleRecords.sample(RunLane.getClassSchema()));

        // When this build's reader tries before and after loading the topic
        Codecs reader = Codecs.create();
        AvroCodec<RunLane> codec = reader.laneTasks().codec();
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOfSatisfying(EventDecodeException.class,
                e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Cause.UNKNOWN_FINGERPRINT));
        int added = topic.loadInto(reader.registry());

        // Then the newer schema is the one it learned, and the record decodes into the current class
        assertThat(added).isEqualTo(1);
        assertThat(reader.registry().findByFingerprint(SchemaRegistry.fingerprint(newer))).isNotNull();
        assertThat(codec.decode(bytes).getTaskId()).isEqualTo(SampleRecords.<RunLane>sample(RunLane.getClassSchema()).getTaskId());
    }

    /**
     * Single-object bytes as the newer writer would produce them: marker, the newer fingerprint, then
     * the body. The new int field comes first, so the body is its zig-zag varint (7 → 0x0E) followed
     * by the current record's binary encoding.
     */
    private static byte[] encodeWithNewer(Schema newer, RunLane current) {
        byte[] body = ContentHash.canonicalBytes(current);
        ByteBuffer bytes = ByteBuffer.allocate(10 + 1 + body.length);
        bytes.put((byte) 0xC3).put((byte) 0x01);
        bytes.order(ByteOrder.LITTLE_ENDIAN).putLong(SchemaRegistry.fingerprint(newer));
        bytes.put((byte) 0x0E).put(body);
        return bytes.array();
    }
}
