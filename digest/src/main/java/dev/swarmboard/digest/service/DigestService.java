package dev.swarmboard.digest.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.DeadLetterProducer;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.digest.deliver.Delivery;
import dev.swarmboard.digest.publish.DigestDecision;
import dev.swarmboard.digest.publish.DigestOutcome;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.digest.publish.AuditOutcome;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.verifier.quorum.Quorum;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.SpanKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.UntrustedFactException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Publishes the mission report after a PASS verdict. A consumer of the blackboard (group
 * {@code <prefix>digest}) reacts to QuorumReached PASS (and, when the plan integrates or has an audit lane,
 * to IntegrationCompleted and to the audit lane's end, which the report waits for): it reads the mission's log, lets
 * {@link DigestDecision} decide, writes {@code <mission>.md} and then appends DigestPublished, or
 * appends DigestRejected. Undecodable and unreadable records become dead letters. Offsets are
 * committed after the outcome is on the blackboard; a repeat after a crash finds it there and
 * records nothing new.
 */
public final class DigestService implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DigestConfig config;
    private final ReportFiles files;
    private final Clock clock = Clock.systemUTC();
    private final Tracing tracing;
    private KafkaClientMetrics consumerMetrics;
    private DigestClients clients;
    private Thread loop;
    private volatile boolean assigned;
    private volatile String failure = "the digest loop stopped";
    private volatile boolean running;

    public DigestService(DigestConfig config) {
        this(config, Tracing.off());
    }

    /** A digest whose reports are spans of {@code tracing}, which it closes when it stops. */
    public DigestService(DigestConfig config, Tracing tracing) {
        this.config = config;
        this.files = new ReportFiles(config.outputDir());
        this.tracing = tracing;
    }

    /** The service as configured by {@code SWARM_*}, {@code KAFKA_*} and {@code OTEL_*} environment variables. */
    public static DigestService fromEnvironment(Map<String, String> env) {
        return new DigestService(DigestConfig.fromEnvironment(env), Tracing.forService("digest", env));
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public synchronized void start() {
        Codecs codecs = BlackboardSetup.prepare(config.clientProperties(), config.common().catalogue());
        clients = DigestClients.open(config, codecs);
        consumerMetrics = SwarmMetrics.bindConsumer(name(), clients.consumer());
        running = true;
        loop = new Thread(this::consume, "digest-" + config.common().instanceId());
        loop.start();
        LOG.info("digest {} started: group {}, reports in {}", config.common().instanceId(), config.groupId(),
                config.outputDir().toAbsolutePath());
        config.common().signing().logAtStart("digest");
    }

    /**
     * Digests the mission's latest PASS verdict on request. Without one, or when the verdict is not
     * what the verifier derives from the log, a DigestRejected says why; nothing else is published.
     */
    public DigestOutcome requestDigest(String missionId) {
        return digest(missionId, null, null);
    }

    private void consume() {
        KafkaConsumer<byte[], byte[]> consumer = clients.consumer();
        boolean uncommitted = false;
        long lastCommit = System.nanoTime();
        try {
            consumer.subscribe(List.of(config.common().catalogue().blackboard()));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handle(record);
                }
                assigned = !consumer.assignment().isEmpty();
                uncommitted = uncommitted || !records.isEmpty();
                // Each commit is a broker write: at most one per interval while events flow, the rest
                // as soon as a poll comes back empty. What a crash loses is digested again (idempotent).
                if (uncommitted && (records.isEmpty() || System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos())) {
                    consumer.commitSync();
                    uncommitted = false;
                    lastCommit = System.nanoTime();
                }
            }
            if (uncommitted) {
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            failure = "digest loop failed (offsets after the last commit are processed again on restart): " + e;
            LOG.error("digest loop failed; offsets after the last commit will be processed again on restart", e);
        } finally {
            running = false;
            assigned = false;
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        BlackboardEvent event;
        try {
            event = clients.codec().decode(record.value());
        } catch (EventDecodeException e) {
            clients.deadLetters().send(new DeadLetters.SourceRecord(record.topic(), record.partition(),
                    record.offset(), record.key(), record.value()), e);
            return;
        }
        FactCheck check = config.common().signing().verifier().check(event);
        if (!check.accepted()) {
            UntrustedFactException untrusted = new UntrustedFactException(event, check);
            LOG.warn("untrusted fact at {}-{}@{} ignored and dead-lettered: {}", record.topic(), record.partition(),
                    record.offset(), untrusted.getMessage());
            clients.deadLetters().send(new DeadLetters.SourceRecord(record.topic(), record.partition(),
                    record.offset(), record.key(), record.value()), untrusted);
            return;
        }
        String missionId = event.getHeader().getMissionId();
        String traceparent = event.getHeader().getTraceparent();
        try (MDC.MDCCloseable mission = MissionLogs.about(missionId)) {
            if (event.getPayload() instanceof QuorumReached verdict && Quorum.passed(verdict)) {
                digestUnlessAwaited(missionId, event.getHeader().getEventId(), true, traceparent);
            } else if (event.getPayload() instanceof IntegrationCompleted completed) {
                digestUnlessAwaited(missionId, completed.getVerdictEventId(), false, traceparent);
            } else if (AuditOutcome.LANE.equals(event.getHeader().getLaneId())
                    && (event.getPayload() instanceof LaneYielded || event.getPayload() instanceof LaneFailed)) {
                digest(missionId, null, traceparent);
            }
        }
    }

    /**
     * Digests the verdict unless the mission still awaits its audit (or, for a verdict just read, its
     * integration), on one read of the mission that both the check and the digest use.
     */
    private synchronized void digestUnlessAwaited(String missionId, String verdictId, boolean mayAwaitIntegration,
                                                  String traceparent) {
        MissionLog log = clients.reader().readMission(missionId);
        if ((!mayAwaitIntegration || !DigestDecision.awaitsIntegration(log, verdictId))
                && !DigestDecision.awaitsAudit(log, verdictId)) {
            digest(log, verdictId, traceparent);
        }
    }

    /** For a workspace mission: the patch beside the report and the branch in a local repository. */
    private void deliver(MissionLog log, DigestOutcome.Publish publish, Path report) throws IOException {
        String verdictId = ((DigestPublished) publish.event().getPayload()).getVerdictEventId();
        Optional<Integer> at = DigestDecision.integrationPosition(log.events(), verdictId);
        Optional<Workspace> workspace = log.events().stream().map(RecordedEvent::event)
                .filter(event -> event.getPayload() instanceof MissionAccepted).findFirst()
                .map(event -> ((MissionAccepted) event.getPayload()).getMission().getWorkspace());
        if (at.isEmpty() || workspace.isEmpty()) {
            return;
        }
        Path patch = report.resolveSibling(DigestDecision.patchName(report.toString()));
        Delivery.Delivered delivered = Delivery.deliver(log.events().get(at.get()).event(), workspace.get().getRepo(),
                patch);
        if (delivered.branch().isPresent()) {
            LOG.info("mission {}: patch {}, branch {} at commit {} in {}", log.missionId(), patch,
                    delivered.branch().get(), delivered.commit(), workspace.get().getRepo());
        } else {
            LOG.error("mission {}: patch {} written, no branch: {}", log.missionId(), patch, delivered.problem());
        }
    }

    /** The digest inside its span ({@code digest <mission>}), the child of the verdict or integration that triggered it. */
    private synchronized DigestOutcome digest(String missionId, String verdictEventId, String parent) {
        return digest(clients.reader().readMission(missionId), verdictEventId, parent);
    }

    private synchronized DigestOutcome digest(MissionLog log, String verdictEventId, String parent) {
        try (Hop hop = tracing.start("digest", SpanKind.CONSUMER, parent).set(Hop.MISSION, log.missionId())) {
            DigestOutcome outcome = digestInside(log, verdictEventId, hop);
            hop.set("swarm.digest.outcome", outcome.event().getHeader().getType());
            return outcome;
        }
    }

    private DigestOutcome digestInside(MissionLog log, String verdictEventId, Hop hop) {
        String missionId = log.missionId();
        Path path = files.pathOf(missionId);
        DigestOutcome outcome = DigestDecision.decide(log, verdictEventId, path.toString(), clock.instant());
        if (outcome instanceof DigestOutcome.Publish publish) {
            try {
                files.write(path, publish.report().markdown());
                deliver(log, publish, path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report of mission " + missionId + " to " + path, e);
            }
        }
        if (!(outcome instanceof DigestOutcome.AlreadyRecorded)) {
            outcome = append(log, verdictEventId, outcome, hop.traceparent());
            if (outcome.event().getPayload() instanceof DigestRejected rejected) {
                LOG.warn("mission {}: DigestRejected {}: {}", missionId, outcome.event().getHeader().getEventId(),
                        rejected.getReasons().stream().map(reason -> reason.getCode() + " " + reason.getMessage())
                                .toList());
            } else {
                LOG.info("mission {}: {} {}", missionId, outcome.event().getHeader().getType(),
                        outcome.event().getHeader().getEventId());
            }
        }
        return outcome;
    }

    /** Appends the outcome; a record the broker refuses is replaced by a DigestRejected naming the error. */
    private DigestOutcome append(MissionLog log, String verdictEventId, DigestOutcome outcome, String traceparent) {
        try {
            await(clients.writer().append(Events.withTraceparent(outcome.event(), traceparent)));
            return outcome;
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof RecordTooLargeException) || !(outcome instanceof DigestOutcome.Publish)) {
                throw e;
            }
            LOG.error("mission {}: the broker refused the DigestPublished record; recording a DigestRejected",
                    log.missionId(), e.getCause());
            DigestOutcome refused = DigestDecision.refused(log, verdictEventId, "the broker refused the DigestPublished"
                    + " record: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(),
                    clock.instant());
            await(clients.writer().append(Events.withTraceparent(refused.event(), traceparent)));
            return refused;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the blackboard", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to Kafka: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            stopping = loop;
            loop = null;
            running = false;
        }
        if (stopping == null) {
            return;
        }
        clients.consumer().wakeup();
        try {
            stopping.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            consumerMetrics.close();
            clients.close();
            tracing.close();
        }
    }

    @Override
    public boolean isHealthy() {
        Thread current = loop;
        return running && current != null && current.isAlive();
    }

    /** Healthy and holding blackboard partitions to digest. */
    @Override
    public boolean isReady() {
        return isHealthy() && assigned;
    }

    @Override
    public String failure() {
        return failure;
    }

    /** The clients of one running digest service, closed together in reverse order. */
    private record DigestClients(KafkaConsumer<byte[], byte[]> consumer, BlackboardReader reader,
                                 BlackboardWriter writer, DeadLetterProducer deadLetters,
                                 AvroCodec<BlackboardEvent> codec) {

        static DigestClients open(DigestConfig config, Codecs codecs) {
            Map<String, Object> properties = new HashMap<>(config.clientProperties());
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            var deadLetters = new DeadLetterProducer(config.clientProperties(), config.common().catalogue().deadLetters(),
                    new DeadLetters.Origin("digest", config.common().instanceId()));
            KafkaConsumer<byte[], byte[]> consumer = new SkippingConsumer<>(properties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer(), deadLetters);
            var writer = BlackboardWriter.create(config.clientProperties(), config.common().catalogue(), codecs,
                    "digest-" + config.common().instanceId(), config.common().signing().signer());
            return new DigestClients(consumer, new BlackboardReader(config.clientProperties(),
                    config.common().catalogue(), codecs, config.common().signing().verifier()), writer, deadLetters, codecs.events().codec());
        }

        void close() {
            deadLetters.close();
            writer.close();
            reader.close();
            consumer.close();
        }
    }
}
