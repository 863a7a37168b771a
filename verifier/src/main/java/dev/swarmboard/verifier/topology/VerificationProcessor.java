package dev.swarmboard.verifier.topology;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.signing.UntrustedFactException;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.verifier.quorum.MissionVerification;
import dev.swarmboard.verifier.state.FoldDelta;
import dev.swarmboard.verifier.state.MissionStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The thin Kafka shell around {@link MissionVerification}: loads a mission's fold, applies the
 * record with its stored bytes and coordinates, saves what changed, and forwards any verdict. A
 * mission that is final is skipped without decoding its fold. A wall-clock punctuator fails the
 * missions whose deadline passed. Every state change happens after decoding and folding succeeded,
 * so a record that throws leaves the state as it was. A fact the trust file refuses throws before the
 * fold (logged, dead-lettered by the processing handler, left out of the head hash like an undecodable
 * record); every verdict is signed with the verifier's key.
 */
final class VerificationProcessor implements Processor<String, byte[], String, BlackboardEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationProcessor.class);

    private final Codecs codecs;
    private final AvroCodec<BlackboardEvent> codec;
    private final String blackboard;
    private final Duration deadlineInterval;
    private final FactSigning signing;
    private final Tracing tracing;
    private ProcessorContext<String, BlackboardEvent> context;
    private MissionStates missions;
    private DeadlineIndex deadlines;

    VerificationProcessor(Codecs codecs, String blackboard, Duration deadlineInterval, FactSigning signing,
                          Tracing tracing) {
        this.codecs = codecs;
        this.codec = codecs.events().codec();
        this.blackboard = blackboard;
        this.deadlineInterval = deadlineInterval;
        this.signing = signing;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, BlackboardEvent> processorContext) {
        context = processorContext;
        KeyValueStore<String, byte[]> store = context.getStateStore(VerifierTopology.MISSIONS_STORE);
        missions = new MissionStates(store, codecs);
        deadlines = new DeadlineIndex(context.getStateStore(VerifierTopology.DEADLINES_STORE));
        context.schedule(deadlineInterval, PunctuationType.WALL_CLOCK_TIME,
                now -> expireDeadlines(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        BlackboardEvent event = decode(record);
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Optional<MissionVerification> live = missions.live(record.key());
        if (live.isEmpty()) {
            return;
        }
        MissionVerification fold = live.get();
        Optional<Instant> indexed = fold.pendingDeadline();
        FoldDelta before = MissionStates.before(fold, event.getHeader().getEventId());
        Optional<BlackboardEvent> verdict;
        try {
            verdict = fold.apply(new RecordedEvent(event, source.topic(), source.partition(), source.offset(),
                    record.timestamp(), record.value()));
        } catch (RuntimeException e) {
            missions.forget(record.key());
            throw e;
        }
        save(fold, before, indexed);
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
        FactCheck check = signing.verifier().check(event);
        if (!check.accepted()) {
            UntrustedFactException untrusted = new UntrustedFactException(event, check);
            RecordMetadata source = context.recordMetadata().orElseThrow();
            LOG.warn("untrusted fact at {}-{}@{} ignored and dead-lettered: {}", source.topic(), source.partition(),
                    source.offset(), untrusted.getMessage());
            throw untrusted;
        }
        return event;
    }

    private void expireDeadlines(Instant now) {
        for (DeadlineIndex.Due due : deadlines.due(now)) {
            Optional<MissionVerification> fold = missions.live(due.missionId());
            deadlines.move(due.missionId(), Optional.of(due.deadline()), Optional.empty());
            if (fold.isPresent()) {
                FoldDelta before = MissionStates.before(fold.get(), null);
                Optional<BlackboardEvent> verdict = fold.get().deadlinePassed(now);
                save(fold.get(), before, Optional.empty());
                verdict.ifPresent(decided -> forward(traced(decided, null)));
            }
        }
    }

    private void save(MissionVerification fold, FoldDelta before, Optional<Instant> indexed) {
        missions.save(fold, before);
        deadlines.move(fold.missionId(), indexed, fold.pendingDeadline());
    }

    private void forward(BlackboardEvent unsigned) {
        ProducerRecord<String, BlackboardEvent> verdict = BlackboardWriter.record(blackboard, unsigned, signing.signer());
        // Headers are set afresh: the triggering record's headers must not leak onto the verdict.
        context.forward(new Record<>(verdict.key(), verdict.value(),
                unsigned.getHeader().getOccurredAt().toEpochMilli(), verdict.headers()));
    }
}
