package dev.swarmboard.lane.consume;

import dev.swarmboard.lane.run.LaneOutcome;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one lane a slot runs and the state of its task record's acquisition lock: {@code held} while the
 * record came back from the last poll and must be acknowledged before the next one; not held while a
 * renewal is on its way (the renewed record comes back in a later poll); {@code lost} when the broker
 * refused an acknowledgement, so the lock is gone and the outcome will not be acknowledged here.
 */
final class InFlightLane {

    final ConsumerRecord<String, byte[]> record;
    final Future<LaneOutcome> lane;
    boolean held = true;
    boolean lost;
    long renewDueNanos;

    InFlightLane(ConsumerRecord<String, byte[]> record, Future<LaneOutcome> lane, long renewDueNanos) {
        this.record = record;
        this.lane = lane;
        this.renewDueNanos = renewDueNanos;
    }

    boolean is(ConsumerRecord<String, byte[]> other) {
        return record.topic().equals(other.topic()) && record.partition() == other.partition()
                && record.offset() == other.offset();
    }

    boolean is(String topic, int partition, long offset) {
        return record.topic().equals(topic) && record.partition() == partition && record.offset() == offset;
    }
}
