package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blackboard on Kafka: reads through one slot's own {@link BlackboardReader} (a consumer is not
 * thread-safe) and appends through the process's shared idempotent {@link BlackboardWriter}.
 */
public final class KafkaBlackboard implements BlackboardAccess {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBlackboard.class);
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(30);

    private final BlackboardReader reader;
    private final BlackboardWriter writer;

    public KafkaBlackboard(BlackboardReader reader, BlackboardWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public long endOffset(String missionId) {
        try {
            return reader.endOffset(missionId);
        } catch (KafkaException e) {
            throw new BlackboardUnavailable("cannot find the end of mission " + missionId, e);
        }
    }

    @Override
    public List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
        MissionLog log;
        try {
            log = reader.readMission(missionId, fromOffset, toOffset);
        } catch (KafkaException | IllegalStateException e) {
            throw new BlackboardUnavailable("cannot read mission " + missionId, e);
        }
        log.undecodable().forEach(record -> LOG.warn("mission {}: undecodable record at {}: {}", missionId,
                record.coordinates(), record.error()));
        log.unreadable().forEach(record -> LOG.warn("mission {}: unreadable record at {} skipped: {}", missionId,
                record.coordinates(), record.reason()));
        return log.events().stream().map(RecordedEvent::event).toList();
    }

    @Override
    public void append(BlackboardEvent event) {
        try {
            writer.append(event).get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlackboardUnavailable("interrupted while appending " + event.getHeader().getType(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BlackboardUnavailable("cannot append " + event.getHeader().getType() + " "
                    + event.getHeader().getEventId(), e);
        }
    }
}
