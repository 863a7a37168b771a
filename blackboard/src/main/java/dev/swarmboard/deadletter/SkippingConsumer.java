package dev.swarmboard.deadletter;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A consumer that does not stop at a record it cannot read: when a poll fails on a corrupt batch
 * (or a deserializer's refusal), the record is reported to {@code onUnreadable} — which dead-letters
 * or records it — and the consumer seeks past it; that poll returns nothing, the next goes on.
 * Every other failure is thrown as before.
 */
public class SkippingConsumer<K, V> extends KafkaConsumer<K, V> {

    private final Consumer<UnreadableRecord> onUnreadable;

    public SkippingConsumer(Map<String, Object> properties, Deserializer<K> keys, Deserializer<V> values,
                            Consumer<UnreadableRecord> onUnreadable) {
        super(properties, keys, values);
        this.onUnreadable = onUnreadable;
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        try {
            return super.poll(timeout);
        } catch (KafkaException e) {
            UnreadableRecord unreadable = UnreadableRecord.of(e, this).orElseThrow(() -> e);
            // Reported before the seek: a report that throws leaves the consumer at the record.
            onUnreadable.accept(unreadable);
            unreadable.skip(this);
            return ConsumerRecords.empty();
        }
    }
}
