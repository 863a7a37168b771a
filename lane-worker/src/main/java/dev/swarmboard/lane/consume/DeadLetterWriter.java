package dev.swarmboard.lane.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a task record that cannot be decoded goes, with why; throws a {@code KafkaException} if it cannot. */
@FunctionalInterface
public interface DeadLetterWriter {

    void send(ConsumerRecord<String, byte[]> record, Throwable error);
}
