package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.deadletter.DeadLetterProducer;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.orchestrator.decision.Decider;
import dev.swarmboard.telemetry.SwarmMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.orchestrator.escalation.EscalationDeliverer;
import dev.swarmboard.missionindex.IndexEntry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's consume-transform-produce loop, exactly-once: it reads commands and blackboard
 * facts (read_committed), and per poll batch writes every output and the consumed offsets in one
 * transaction. When a batch fails, the transaction is aborted, the state cache dropped, and the
 * batch's records are decided again one transaction each; a record whose outputs the broker refuses
 * (too large for the topic) is answered with its mission's rejection or failure and consumed, so it
 * can never hold the partition or other missions' commands. Any other error rewinds the consumer to
 * the committed offsets and retries after a pause, deciding again from committed facts only. A
 * record the client cannot read (a corrupt batch) is dead-lettered and skipped by the consumer.
 * A producer whose epoch was bumped or fenced (a broker restart, a timed-out transaction) is closed
 * and re-created, and the consumer rewound to the committed offsets; more than
 * {@value ProducerRecovery#RECOVERIES_PER_WINDOW} such recoveries in ten minutes, or an authorization error, stop
 * the loop with a {@link #failure()} for the process to exit on.
 */
final class TransactionalLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final int CACHED_MISSIONS = 10_000;

    private final TopicCatalogue topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterProducer deadLetters;
    private final ProducerRecovery recovery;
    private KafkaProducer<byte[], byte[]> producer;
    private final BlackboardReader reader;
    private final MissionStates states;
    private final RecordProcessor processor;
    private final CommitHook hook;
    private final Map<String, Object> clientProperties;
    private final KafkaClientMetrics consumerMetrics;
    private final PausedMissions paused = new PausedMissions();
    private final CommittedFacts committed;
    private final ConfirmationTicker ticker;
    private final KafkaProducer<byte[], byte[]> followUpCloser;
    private final PartitionTakeover takeover;
    private final FollowUpRecovery followUps;
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile boolean ready;
    private volatile boolean crashed;
    private volatile String failure = "the orchestrator loop stopped";

    TransactionalLoop(OrchestratorConfig config, Map<String, Object> clientProperties, Codecs codecs, Decider decider,
                      Clock clock, CommitHook hook, Tracing tracing) {
        this.topics = config.common().catalogue();
        DeadLetters.Origin origin = new DeadLetters.Origin("orchestrator", config.common().instanceId());
        this.deadLetters = new DeadLetterProducer(clientProperties, topics.deadLetters(), origin);
        this.consumer = new SkippingConsumer<>(consumerProperties(clientProperties, config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), deadLetters);
        this.recovery = new ProducerRecovery(producerProperties(clientProperties, config),
                new TransactionalIdGuard(clientProperties, config));
        this.reader = new BlackboardReader(clientProperties, topics, codecs, config.common().signing().verifier());
        this.states = new MissionStates(new MissionLoader(reader), CACHED_MISSIONS, paused::observe);
        FollowUpRecords followUpRecords = new FollowUpRecords(topics.missionIndex(), topics.blackboardPartitions());
        this.followUpCloser = plainProducer(clientProperties, TransactionalIdGuard.clientId(config) + "-follow-ups");
        EscalationDeliverer deliverer = new EscalationDeliverer(config.escalations(),
                BlackboardWriter.create(clientProperties, topics, codecs, TransactionalIdGuard.clientId(config)
                        + "-escalations", config.common().signing().signer()),
                plainProducer(clientProperties, TransactionalIdGuard.clientId(config) + "-escalation-topics"),
                "orchestrator/" + config.common().instanceId(), clock, settled -> followUpCloser.send(
                        followUpRecords.close(IndexEntry.FollowUp.ESCALATION, settled.getHeader().getMissionId(),
                                settled.getHeader().getEventId()), (metadata, error) -> {
                            if (error != null) {
                                LOG.warn("follow-up of escalation {} not closed ({}); the next takeover checks it",
                                        settled.getHeader().getEventId(), error.getClass().getSimpleName());
                            }
                        }));
        this.committed = new CommittedFacts(paused, deliverer);
        this.takeover = new PartitionTakeover(consumer, topics.blackboard(), topics.blackboardPartitions(), states,
                deliverer);
        this.followUps = new FollowUpRecovery(clientProperties, topics.missionIndex(), states, deliverer,
                followUpRecords, followUpCloser);
        this.processor = new RecordProcessor(topics, codecs, decider, states, clock, origin, config.common().signing(),
                tracing, committed::stage);
        this.ticker = new ConfirmationTicker(paused, processor, clock);
        this.consumerMetrics = SwarmMetrics.bindConsumer("orchestrator", consumer);
        this.hook = hook;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, OrchestratorConfig config) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, TransactionalIdGuard.clientId(config));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private static KafkaProducer<byte[], byte[]> plainProducer(Map<String, Object> clientProperties, String clientId) {
        return new KafkaProducer<>(BlackboardWriter.producerProperties(clientProperties, clientId),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerProperties(Map<String, Object> clientProperties, OrchestratorConfig config) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, TransactionalIdGuard.clientId(config));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A crashed instance's open transaction blocks read_committed readers until it times out.
        properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        return properties;
    }

    /**
     * Opens the producer; fails, before fencing anyone, when a live instance uses the transactional id.
     * Then marks the blackboard partitions the mission index does not cover yet (see {@link IndexMarkers}).
     */
    void open(Admin admin) {
        producer = recovery.open(admin);
        List<ProducerRecord<byte[], byte[]>> markers = IndexMarkers.missing(admin, clientProperties, topics);
        if (!markers.isEmpty()) {
            producer.beginTransaction();
            markers.forEach(producer::send);
            producer.commitTransaction();
            LOG.info("mission index: marked {} blackboard partitions as indexed from their current end", markers.size());
        }
    }

    void run() {
        try {
            consumer.subscribe(List.of(topics.missions(), topics.blackboard()), takeover);
            while (running) {
                try {
                    if (producer == null) {
                        producer = recovery.create();
                        rewind();
                    }
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    ready = !consumer.assignment().isEmpty();
                    takeover.recoverDue(followUps);
                    if (!records.isEmpty()) {
                        processBatch(records);
                    }
                    ticker.tick(this::transactTick, states::clear);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (!ProducerLoss.recoverable(e)) {
                        throw e;
                    }
                    recover(e);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("orchestrator loop woken up to stop");
        } catch (AuthorizationException e) {
            failure = "not authorized to write transactionally: " + e.getMessage();
        } catch (Throwable e) {
            crashed = true;
            failure = "orchestrator loop died (the open transaction is aborted on restart): " + e;
            LOG.error("orchestrator loop died", e);
        } finally {
            healthy = false;
            ready = false;
        }
    }

    /**
     * Drops the producer after its epoch was bumped or it was fenced; the loop creates a new one and
     * rewinds to the committed offsets. Throws when that happens too often or another instance took
     * the transactional id over.
     */
    private void recover(RuntimeException cause) {
        recovery.allowRecreate(cause);
        LOG.warn("transactional producer can no longer write ({}); re-creating it and resuming from the committed"
                + " offsets", ProducerLoss.describe(cause));
        ready = false;
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        states.clear();
        committed.aborted();
        pause();
    }

    String failure() {
        return failure;
    }

    private void processBatch(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        records.forEach(batch::add);
        try {
            transact(batch, processor::process);
        } catch (RuntimeException e) {
            if (ProducerLoss.recoverable(e) || e instanceof AuthorizationException) {
                throw e;
            }
            LOG.warn("batch of {} records failed; aborting and deciding them one transaction each", batch.size(), e);
            abort();
            if (!processEach(batch)) {
                rewind();
                pause();
            }
        }
    }

    /** Decides the records and commits their outputs and offsets in one transaction. */
    private void transact(List<ConsumerRecord<byte[], byte[]>> batch,
                          Function<ConsumerRecord<byte[], byte[]>, List<ProducerRecord<byte[], byte[]>>> decide) {
        producer.beginTransaction();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            for (ProducerRecord<byte[], byte[]> output : decide.apply(record)) {
                producer.send(output);
            }
        }
        producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
        hook.beforeCommit();
        producer.commitTransaction();
        committed.committed();
    }

    /**
     * One transaction per record of a failed batch. A record whose outputs the broker refuses is
     * answered with its mission's rejection or failure instead; false when another error stops the
     * records (the caller rewinds to what was committed).
     */
    private boolean processEach(List<ConsumerRecord<byte[], byte[]>> batch) {
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            try {
                transact(List.of(record), processor::process);
            } catch (RuntimeException e) {
                if (ProducerLoss.recoverable(e) || e instanceof AuthorizationException) {
                    throw e;
                }
                abort();
                Optional<String> refusal = Refusals.of(e);
                if (refusal.isEmpty()) {
                    LOG.warn("record {}-{}@{} failed; rewinding to the committed offsets", record.topic(),
                            record.partition(), record.offset(), e);
                    return false;
                }
                if (!answerRefused(record, refusal.get())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean answerRefused(ConsumerRecord<byte[], byte[]> record, String refusal) {
        String problem = "the broker refused a record decided on " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + ": " + refusal;
        try {
            transact(List.of(record), refused -> processor.refused(refused, problem));
            return true;
        } catch (RuntimeException e) {
            if (ProducerLoss.recoverable(e) || e instanceof AuthorizationException) {
                throw e;
            }
            LOG.warn("the answer to refused record {}-{}@{} failed too; rewinding", record.topic(), record.partition(),
                    record.offset(), e);
            abort();
            return false;
        }
    }

    /** Sends a tick's outputs in a transaction of their own (no offsets). */
    private void transactTick(List<ProducerRecord<byte[], byte[]>> outputs) {
        producer.beginTransaction();
        try {
            outputs.forEach(producer::send);
            producer.commitTransaction();
        } catch (RuntimeException e) {
            if (!ProducerLoss.recoverable(e) && !(e instanceof AuthorizationException)) {
                abort();
            }
            throw e;
        }
    }

    private void abort() {
        producer.abortTransaction();
        states.clear();
        committed.aborted();
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        return offsets;
    }

    private void rewind() {
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        for (TopicPartition partition : assignment) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(Set.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    boolean healthy() {
        return healthy;
    }

    boolean ready() {
        return ready;
    }

    /** Closes the clients; after a crash the producer is closed at once, leaving its transaction open. */
    @Override
    public void close() {
        if (producer != null) {
            producer.close(crashed ? Duration.ZERO : Duration.ofSeconds(30));
        }
        consumerMetrics.close();
        consumer.close();
        deadLetters.close();
        reader.close();
        committed.close();
        followUpCloser.close(Duration.ofSeconds(5));
    }
}
