package dev.swarmboard.verifier.topology;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.verifier.quorum.MissionVerification;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.MDC;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The thin Kafka shell around {@link MissionVerification}: loads a mission's fold, applies the
 * record with its stored bytes and coordinates, saves the fold, and forwards any verdict. A
 * wall-clock punctuator fails the missions whose deadline passed. Every state change happens after
 * decoding and folding succeeded, so a record that throws leaves the state as it was.
 */
final class VerificationProcessor implements Processor<String, byte[], String, BlackboardEvent> {

    private final AvroCodec<BlackboardEvent> codec;
    private final String blackboard;
    private final Duration deadlineInterval;
    private final Tracing tracing;
    private ProcessorContext<String, BlackboardEvent> context;
    private KeyValueStore<String, MissionVerification> missions;
    private DeadlineIndex deadlines;

    VerificationProcessor(AvroCodec<BlackboardEvent> codec, String blackboard, Duration deadlineInterval,
                          Tracing tracing) {
        this.codec = codec;
        this.blackboard = blackboard;
        this.deadlineInterval = deadlineInterval;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, BlackboardEvent> processorContext) {
        context = processorContext;
        missions = context.getStateStore(VerifierTopology.MISSIONS_STORE);
        deadlines = new DeadlineIndex(context.getStateStore(VerifierTopology.DEADLINES_STORE));
        context.schedule(deadlineInterval, PunctuationType.WALL_CLOCK_TIME,
                now -> expireDeadlines(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        BlackboardEvent event = decode(record);
        RecordMetadata source = context.recordMetadata().orElseThrow();
        MissionVerification fold = load(record.key());
        Optional<Instant> indexed = fold.pendingDeadline();
        Optional<BlackboardEvent> verdict = fold.apply(new RecordedEvent(event, source.topic(), source.partition(),
                source.offset(), record.timestamp(), record.value()));
        save(fold, indexed);
        try (MDC.MDCCloseable mission = MissionLogs.about(event.getHeader().getMissionId())) {
            verdict.ifPresent(decided -> forward(traced(decided, event.getHeader().getTraceparent())));
        }
    }

    /**
     * The verdict's span ({@code verifier QuorumReached}), the child of the event that completed its round, with
     * the span id the verdict's traceparent already names (a deadline verdict's span hangs below that id, as
     * nothing completed its round); counted in {@code swarm_quorum_verdicts_total}.
     */
    private BlackboardEvent traced(BlackboardEvent verdict, String parent) {
        QuorumReached reached = (QuorumReached) verdict.getPayload();
        String result = reached.getVerdict().toLowerCase(Locale.ROOT);
        SwarmMetrics.verdict(result);
        String name = "verifier " + verdict.getHeader().getType();
        String own = verdict.getHeader().getTraceparent();
        try (Hop hop = (parent == null ? tracing.start(name, SpanKind.CONSUMER, own)
                : tracing.startAs(name, SpanKind.CONSUMER, parent, own)).set(Hop.MISSION, verdict.getHeader().getMissionId())
                .set("swarm.quorum.verdict", result).set("swarm.quorum.round", reached.getRound())) {
            return verdict;
        }
    }

    private BlackboardEvent decode(Record<String, byte[]> record) {
        if (record.key() == null) {
            throw new UnverifiableRecordException("blackboard record without a mission key");
        }
        BlackboardEvent event = codec.decode(record.value());
        if (!record.key().equals(event.getHeader().getMissionId())) {
            throw new UnverifiableRecordException("key names mission " + record.key() + " but header names "
                    + event.getHeader().getMissionId());
        }
        return event;
    }

    private void expireDeadlines(Instant now) {
        for (DeadlineIndex.Due due : deadlines.due(now)) {
            MissionVerification fold = missions.get(due.missionId());
            Optional<BlackboardEvent> verdict = fold == null ? Optional.empty() : fold.deadlinePassed(now);
            deadlines.move(due.missionId(), Optional.of(due.deadline()), Optional.empty());
            if (fold != null) {
                save(fold, Optional.empty());
            }
            verdict.ifPresent(decided -> forward(traced(decided, null)));
        }
    }

    private MissionVerification load(String missionId) {
        MissionVerification fold = missions.get(missionId);
        return fold != null ? fold : MissionVerification.start(missionId);
    }

    private void save(MissionVerification fold, Optional<Instant> indexed) {
        missions.put(fold.missionId(), fold);
        deadlines.move(fold.missionId(), indexed, fold.pendingDeadline());
    }

    private void forward(BlackboardEvent verdict) {
        // Headers are set afresh: the triggering record's headers must not leak onto the verdict.
        context.forward(new Record<>(verdict.getHeader().getMissionId(), verdict,
                verdict.getHeader().getOccurredAt().toEpochMilli(),
                BlackboardWriter.record(blackboard, verdict).headers()));
    }
}
