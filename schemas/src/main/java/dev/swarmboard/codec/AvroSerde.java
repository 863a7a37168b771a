package dev.swarmboard.codec;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Kafka serde over an {@link AvroCodec}. A null value stays null (tombstones pass through); any
 * other undecodable value throws {@link EventDecodeException}, which Kafka reports with the
 * record's coordinates.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final AvroCodec<T> codec;

    public AvroSerde(AvroCodec<T> codec) {
        this.codec = codec;
    }

    public AvroCodec<T> codec() {
        return codec;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : codec.encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the codec is built with its registry.
    }

    @Override
    public void close() {
        // Nothing to release: the codec holds no resources.
    }
}
