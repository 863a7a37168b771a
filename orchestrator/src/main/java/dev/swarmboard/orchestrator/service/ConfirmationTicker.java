package dev.swarmboard.orchestrator.service;

import dev.swarmboard.orchestrator.decision.Decider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a {@link #TICK} (wall clock), cancels the paused missions whose confirmation timeout has
 * passed, each in its own transaction; a mission that no longer waits under a timeout is dropped
 * from the tracker. A failure for one mission is logged and tried again next tick; a lost producer
 * or an authorization error is thrown to the loop.
 */
final class ConfirmationTicker {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationTicker.class);
    static final Duration TICK = Duration.ofSeconds(1);

    private final PausedMissions paused;
    private final RecordProcessor processor;
    private final Clock clock;
    private Instant lastTick = Instant.EPOCH;

    ConfirmationTicker(PausedMissions paused, RecordProcessor processor, Clock clock) {
        this.paused = paused;
        this.processor = processor;
        this.clock = clock;
    }

    /** Writes each due cancellation with {@code transact}; {@code forget} drops the state cache after a failure. */
    void tick(Consumer<List<ProducerRecord<byte[], byte[]>>> transact, Runnable forget) {
        Instant now = clock.instant();
        if (Duration.between(lastTick, now).compareTo(TICK) < 0) {
            return;
        }
        lastTick = now;
        for (PausedMissions.Pause pause : paused.all()) {
            try {
                if (Decider.confirmationTimeout(processor.state(pause.missionId())).isEmpty()) {
                    paused.drop(pause.missionId());
                    continue;
                }
                List<ProducerRecord<byte[], byte[]>> outputs = processor.confirmationTimeout(pause);
                if (!outputs.isEmpty()) {
                    transact.accept(outputs);
                    paused.drop(pause.missionId());
                }
            } catch (RuntimeException e) {
                if (ProducerLoss.recoverable(e) || e instanceof AuthorizationException) {
                    throw e;
                }
                LOG.warn("confirmation timeout of mission {} could not be decided or written; trying again next tick",
                        pause.missionId(), e);
                forget.run();
            }
        }
    }
}
