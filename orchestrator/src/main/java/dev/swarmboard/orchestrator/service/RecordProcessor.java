package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.orchestrator.decision.Decider;
import dev.swarmboard.orchestrator.decision.LaneTasks;
import dev.swarmboard.orchestrator.decision.Outcome;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.missionindex.IndexEntry;
import dev.swarmboard.missionindex.MissionIndexCodec;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.signing.UntrustedFactException;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Traceparents;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicCatalogue;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns one consumed record into the records to produce in the same transaction: a command or a
 * blackboard fact is decoded, folded into its mission's state and decided on; the outcome becomes
 * blackboard events and lane tasks. A record that cannot be decoded, or on which a decision throws,
 * becomes a dead letter with its coordinates and error, and processing goes on; so does a fact the
 * trust file refuses (unsigned, wrongly signed, or by a key not allowed for its type). The events
 * decided are signed with this orchestrator's key. Outputs over
 * {@link #MAX_RECORD_BYTES}, or refused by the broker, are replaced by the mission's rejection or
 * failure ({@link #refused}), so no input is decided into records that can never be written.
 */
final class RecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
    /** The largest record the orchestrator writes: below the producer's and Kafka's default 1 MiB. */
    static final int MAX_RECORD_BYTES = 1_000_000;

    private final TopicCatalogue topics;
    private final AvroCodec<MissionCommand> commands;
    private final AvroCodec<BlackboardEvent> events;
    private final AvroCodec<RunLane> tasks;
    private final Decider decider;
    private final MissionStates states;
    private final Clock clock;
    private final DeadLetters.Origin origin;
    private final FactSigning signing;
    private final Tracing tracing;
    private final java.util.function.Consumer<BlackboardEvent> accepted;
    private final FollowUpRecords followUps;

    RecordProcessor(TopicCatalogue topics, Codecs codecs, Decider decider, MissionStates states, Clock clock,
                    DeadLetters.Origin origin, FactSigning signing, Tracing tracing) {
        this(topics, codecs, decider, states, clock, origin, signing, tracing, event -> { });
    }

    /** A processor that shows every trusted fact it consumes to {@code accepted} (before it is committed). */
    RecordProcessor(TopicCatalogue topics, Codecs codecs, Decider decider, MissionStates states, Clock clock,
                    DeadLetters.Origin origin, FactSigning signing, Tracing tracing,
                    java.util.function.Consumer<BlackboardEvent> accepted) {
        this.accepted = accepted;
        this.followUps = new FollowUpRecords(topics.missionIndex(), topics.blackboardPartitions());
        this.topics = topics;
        this.commands = codecs.commands().codec();
        this.events = codecs.events().codec();
        this.tasks = codecs.laneTasks().codec();
        this.decider = decider;
        this.states = states;
        this.clock = clock;
        this.origin = origin;
        this.signing = signing;
        this.tracing = tracing;
    }

    List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> record) {
        try {
            List<ProducerRecord<byte[], byte[]>> outputs = record.topic().equals(topics.missions()) ? command(record)
                    : fact(record);
            Optional<String> oversize = oversize(outputs);
            if (oversize.isPresent()) {
                // The cache already holds the outputs' events, which will never be written.
                states.clear();
                return refused(record, oversize.get());
            }
            return outputs;
        } catch (EventDecodeException e) {
            LOG.warn("undecodable record at {}-{}@{}: {}; dead-lettered", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return List.of(deadLetter(record, e));
        } catch (UntrustedFactException e) {
            LOG.warn("untrusted fact at {}-{}@{} ignored and dead-lettered: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return List.of(deadLetter(record, e));
        } catch (DecisionException e) {
            LOG.error("decision on record at {}-{}@{} failed; dead-lettered", record.topic(), record.partition(),
                    record.offset(), e.getCause());
            return List.of(deadLetter(record, e.getCause()));
        }
    }

    /**
     * The records that answer an input whose decided records cannot be written: its mission's
     * rejection (a submission) or failure, with the problem as a RECORD_REFUSED reason.
     */
    List<ProducerRecord<byte[], byte[]>> refused(ConsumerRecord<byte[], byte[]> record, String problem) {
        LOG.error("records decided on {}-{}@{} cannot be written: {}; answering with a rejection or failure",
                record.topic(), record.partition(), record.offset(), problem);
        try {
            if (record.topic().equals(topics.missions())) {
                MissionCommand command = commands.decode(record.value());
                MissionState state = states.get(command.getHeader().getMissionId());
                return produce(decide(() -> decider.onRefusedOutput(state, command.getHeader().getCommandId(),
                        command.getHeader().getTraceparent(), command.getPayload(), problem, clock.instant())));
            }
            BlackboardEvent event = events.decode(record.value());
            MissionState state = states.getForFact(event.getHeader().getMissionId());
            return produce(decide(() -> decider.onRefusedOutput(state, event.getHeader().getEventId(),
                    event.getHeader().getTraceparent(), event.getPayload(), problem, clock.instant())));
        } catch (EventDecodeException e) {
            return List.of(deadLetter(record, e));
        } catch (DecisionException e) {
            return List.of(deadLetter(record, e.getCause()));
        }
    }

    private static Optional<String> oversize(List<ProducerRecord<byte[], byte[]>> outputs) {
        for (ProducerRecord<byte[], byte[]> output : outputs) {
            long size = (output.key() == null ? 0 : output.key().length) + output.value().length;
            if (size > MAX_RECORD_BYTES) {
                return Optional.of("a " + type(output) + " record for " + output.topic() + " would be " + size
                        + " bytes, over the orchestrator's record limit of " + MAX_RECORD_BYTES + " bytes");
            }
        }
        return Optional.empty();
    }

    private static String type(ProducerRecord<byte[], byte[]> output) {
        Header type = output.headers().lastHeader(BlackboardWriter.TYPE_HEADER);
        return type == null ? "lane task" : new String(type.value(), StandardCharsets.UTF_8);
    }

    /** A command decided inside its span ({@code orchestrator <command>}), with the mission on its log lines. */
    private List<ProducerRecord<byte[], byte[]>> command(ConsumerRecord<byte[], byte[]> record) {
        MissionCommand command = commands.decode(record.value());
        String missionId = command.getHeader().getMissionId();
        try (MDC.MDCCloseable mission = MissionLogs.about(missionId);
             Hop hop = tracing.start("orchestrator " + type(command.getPayload()), SpanKind.CONSUMER,
                     command.getHeader().getTraceparent()).set(Hop.MISSION, missionId)) {
            MissionState state = states.get(missionId);
            return produce(decide(() -> decider.onCommand(state, command, clock.instant(), hop.traceparent())));
        }
    }

    /** A fact the orchestrator reacts to (a verdict, a yield, a failure) decided inside its span. */
    private List<ProducerRecord<byte[], byte[]>> fact(ConsumerRecord<byte[], byte[]> record) {
        BlackboardEvent event = events.decode(record.value());
        FactCheck check = signing.verifier().check(event);
        if (!check.accepted()) {
            throw new UntrustedFactException(event, check);
        }
        accepted.accept(event);
        if (!Decider.reactsTo(event)) {
            states.apply(event);
            return List.of();
        }
        String missionId = event.getHeader().getMissionId();
        try (MDC.MDCCloseable mission = MissionLogs.about(missionId);
             Hop hop = tracing.start("orchestrator " + event.getHeader().getType(), SpanKind.CONSUMER,
                     event.getHeader().getTraceparent()).set(Hop.MISSION, missionId)) {
            MissionState state = states.applyLoading(event);
            return produce(decide(() -> decider.onEvent(state, event, clock.instant(), hop.traceparent())));
        }
    }

    /** The records that cancel a mission paused past its confirmation timeout (none when it is not). */
    List<ProducerRecord<byte[], byte[]>> confirmationTimeout(PausedMissions.Pause pause) {
        try (MDC.MDCCloseable mission = MissionLogs.about(pause.missionId())) {
            MissionState state = states.getForFact(pause.missionId());
            return produce(decide(() -> decider.onConfirmationTimeout(state, pause.eventId(), pause.pausedAt(),
                    clock.instant())));
        }
    }

    /** The state of a mission, loaded if needed. */
    MissionState state(String missionId) {
        return states.getForFact(missionId);
    }

    private static String type(Object payload) {
        return payload.getClass().getSimpleName();
    }

    private List<ProducerRecord<byte[], byte[]>> produce(Outcome outcome) {
        if (outcome.isEmpty()) {
            LOG.debug("{}", outcome.note());
        } else {
            LOG.info("{}", outcome.note());
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (BlackboardEvent event : outcome.events()) {
            String missionId = event.getHeader().getMissionId();
            Optional<MissionStart> start = states.start(missionId);
            boolean waited = states.waitsUnderTimeout(missionId);
            start.ifPresent(known -> MissionStartStamp.onto(event, known));
            if (start.isPresent() && MissionIndexCodec.indexable(missionId) && states.claimIndexing(missionId)) {
                // In this transaction with the mission's first event: readers never see one without the other.
                records.add(new ProducerRecord<>(topics.missionIndex(), start.get().getPartition(), utf8(missionId),
                        MissionIndexCodec.encodeValue(start.get().getPartition(), start.get().getOffset())));
            }
            // Signed after the start is stamped: the signature covers the plan's final content hash.
            ProducerRecord<String, BlackboardEvent> typed = BlackboardWriter.record(topics.blackboard(), event,
                    signing.signer());
            states.apply(typed.value());
            records.add(new ProducerRecord<>(typed.topic(), null, utf8(typed.key()), events.encode(typed.value()),
                    typed.headers()));
            start.ifPresent(known -> records.addAll(owedAfterRestart(typed.value(), waited, known)));
        }
        for (RunLane task : outcome.tasks()) {
            states.start(task.getMissionId()).ifPresent(known -> MissionStartStamp.onto(task, known));
            ProducerRecord<byte[], byte[]> taskRecord = new ProducerRecord<>(topics.laneTasks(),
                    utf8(LaneTasks.key(task)), tasks.encode(task));
            Traceparents.addHeader(taskRecord.headers(), task.getTraceparent());
            records.add(taskRecord);
        }
        SwarmMetrics.retries((int) outcome.tasks().stream().filter(task -> task.getAttempt() > 1).count());
        return records;
    }

    /**
     * The index records of what this event leaves owed after a restart, in its transaction: a pause
     * under a confirmation timeout opens a follow-up and leaving it closes one; an escalation opens
     * one, which its deliverer closes.
     */
    private List<ProducerRecord<byte[], byte[]>> owedAfterRestart(BlackboardEvent event, boolean waited,
                                                            MissionStart start) {
        String missionId = event.getHeader().getMissionId();
        if (!MissionIndexCodec.followable(missionId)) {
            return List.of();
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        boolean waits = states.waitsUnderTimeout(missionId);
        if (waits && !waited) {
            records.add(followUps.open(IndexEntry.FollowUp.PAUSED, missionId, "", start));
        } else if (waited && !waits) {
            records.add(followUps.close(IndexEntry.FollowUp.PAUSED, missionId, ""));
        }
        if (event.getPayload() instanceof Escalation escalation && !escalation.getContact().isBlank()) {
            records.add(followUps.open(IndexEntry.FollowUp.ESCALATION, missionId, event.getHeader().getEventId(),
                    start));
        }
        return records;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
        return DeadLetters.of(topics.deadLetters(), new DeadLetters.SourceRecord(record.topic(), record.partition(),
                record.offset(), record.key(), record.value()), error, origin);
    }

    /** Runs a pure decision; anything it throws is a bug for this input, not a reason to stop. */
    private static Outcome decide(Supplier<Outcome> decision) {
        try {
            return decision.get();
        } catch (RuntimeException e) {
            throw new DecisionException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A decision that threw on one input. */
    private static final class DecisionException extends RuntimeException {
        DecisionException(RuntimeException cause) {
            super(cause);
        }
    }
}
