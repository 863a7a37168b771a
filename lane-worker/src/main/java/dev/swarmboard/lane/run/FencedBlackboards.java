package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.missionindex.ReadStart;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.ClientNames;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane slot's blackboard on Kafka. Reads go through the slot's read-committed {@link BlackboardReader}
 * (a consumer is not thread-safe). Each delivery of a lane attempt writes through a transactional producer
 * whose transactional id names the attempt, {@code <prefix>lane-attempt.<mission>/<lane>/<attempt>}:
 * opening it (InitProducerId) bumps the producer epoch, so the broker fences every earlier delivery's
 * producer and aborts what it had not committed. Open reads the mission meanwhile, then waits until the
 * read-committed end of the mission's partition reaches its high watermark as it was after the fence and
 * reads the rest, so the lane resumes from everything the earlier deliveries committed.
 */
public final class FencedBlackboards implements AttemptBlackboards, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FencedBlackboards.class);
    private static final Duration STABLE_TIMEOUT = Duration.ofSeconds(30);
    private static final long STABLE_POLL_MS = 10;
    private static final long ATTEMPT_RETRY_BACKOFF_MS = 10;

    private final Map<String, Object> clientProperties;
    private final TopicCatalogue catalogue;
    private final Codecs codecs;
    private final BlackboardReader reader;
    private final KafkaConsumer<byte[], byte[]> highWatermarks;
    private final String clientId;
    private final String worker;
    private final FactSigner signer;
    private final ExecutorService fencer;

    /**
     * @param clientId the slot's client id; each delivery's producer appends {@code -attempt}
     * @param worker   this process as event headers name it, for the delivery's record headers
     */
    public FencedBlackboards(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                             String clientId, String worker) {
        this(clientProperties, catalogue, codecs, clientId, worker, FactSigning.NONE);
    }

    /** A slot's blackboard that signs every event with {@code signing}'s key and reads only facts it accepts. */
    public FencedBlackboards(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                             String clientId, String worker, FactSigning signing) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.catalogue = catalogue;
        this.codecs = codecs;
        this.reader = new BlackboardReader(clientProperties, catalogue, codecs, signing.verifier());
        this.signer = signing.signer();
        Map<String, Object> uncommitted = new HashMap<>(clientProperties);
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        uncommitted.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-high-watermark");
        this.highWatermarks = new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.clientId = clientId;
        this.worker = worker;
        this.fencer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, clientId + "-fencer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The transactional id every delivery of the task's attempt writes under. */
    public static String transactionalId(String topicPrefix, RunLane task) {
        return new ClientNames(topicPrefix).laneAttemptTransactionalIdPrefix() + task.getMissionId() + "/" + task.getLane().getLaneId() + "/"
                + task.getAttempt();
    }

    /**
     * Opens the delivery: the attempt's producer is created and fenced on the slot's fencer thread while
     * this thread reads the mission as committed so far; once fenced, the wait for the partition's
     * committed end and the read of what was committed meanwhile make the opening read complete.
     */
    @Override
    public AttemptBlackboard open(RunLane task, int deliveryCount) {
        LaneStartTimes times = LaneStartTimes.opening(task, deliveryCount);
        CompletableFuture<KafkaProducer<String, BlackboardEvent>> fencing =
                CompletableFuture.supplyAsync(() -> fence(task, deliveryCount, times), fencer);
        KafkaProducer<String, BlackboardEvent> producer = null;
        try {
            String missionId = task.getMissionId();
            long start = startOffset(task);
            long end = endOffset(missionId);
            List<BlackboardEvent> events = new ArrayList<>(read(missionId, start, end));
            times.lap("read");
            producer = fenced(fencing, task);
            times.lap("fence_wait");
            long stableEnd = awaitStable(missionId);
            if (stableEnd > end) {
                events.addAll(read(missionId, end, stableEnd));
            }
            times.lap("stable");
            return new FencedDelivery(this, producer, catalogue.blackboard(), deliveryCount, worker, signer,
                    new OpeningRead(start, Math.max(end, stableEnd), events), times);
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            } else {
                fencing.thenAccept(opened -> opened.close(Duration.ZERO));
            }
            throw e;
        }
    }

    /**
     * A producer under the attempt's transactional id, initialised: the broker has bumped its epoch,
     * fenced every earlier delivery's producer and aborted what that one had not committed. Its metadata of
     * the blackboard is fetched too, so the first send does not wait for it.
     */
    private KafkaProducer<String, BlackboardEvent> fence(RunLane task, int deliveryCount, LaneStartTimes times) {
        long began = System.nanoTime();
        Map<String, Object> properties = BlackboardWriter.producerProperties(clientProperties, clientId + "-attempt");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(catalogue.prefix(), task));
        // A writer lives for one delivery: no JMX beans to register and unregister, no telemetry
        // subscription to ask the broker for on each of its connections.
        properties.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        properties.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        // A fresh transactional producer's initTransactions waits out one retry backoff (measured: the
        // default 100 ms was most of a lane start). Retries still back off exponentially, to
        // retry.backoff.max.ms, so a broker that is down is not hammered.
        properties.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, ATTEMPT_RETRY_BACKOFF_MS);
        KafkaProducer<String, BlackboardEvent> producer;
        try {
            producer = new KafkaProducer<>(properties, new StringSerializer(), codecs.events().serializer());
        } catch (KafkaException e) {
            throw new BlackboardUnavailable("cannot create the writer of " + describe(task), e);
        }
        long created = System.nanoTime();
        times.part("writer", created - began);
        try {
            producer.initTransactions();
            producer.partitionsFor(catalogue.blackboard());
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            producer.close(Duration.ZERO);
            throw new AttemptFenced(describe(task) + " delivery " + deliveryCount + " was fenced while opening", e);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new BlackboardUnavailable("cannot fence earlier deliveries of " + describe(task), e);
        }
        times.part("fence", System.nanoTime() - created);
        return producer;
    }

    private static KafkaProducer<String, BlackboardEvent> fenced(
            CompletableFuture<KafkaProducer<String, BlackboardEvent>> fencing, RunLane task) {
        try {
            return fencing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlackboardUnavailable("interrupted while fencing earlier deliveries of " + describe(task), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BlackboardUnavailable unavailable) {
                throw unavailable;
            }
            throw new BlackboardUnavailable("cannot fence earlier deliveries of " + describe(task), e.getCause());
        }
    }

    /**
     * Waits until every record of the mission's partition, committed or not, is decided and readable;
     * returns the committed end it then saw.
     */
    private long awaitStable(String missionId) {
        TopicPartition partition = TopicPartitions.ofMission(highWatermarks, catalogue.blackboard(), missionId);
        // Assigned so the client keeps the answer for the partition instead of warning that it is not.
        highWatermarks.assign(Set.of(partition));
        long highWatermark = highWatermarks.endOffsets(Set.of(partition)).get(partition);
        long deadline = System.nanoTime() + STABLE_TIMEOUT.toNanos();
        long committedEnd;
        while ((committedEnd = endOffset(missionId)) < highWatermark) {
            if (System.nanoTime() > deadline) {
                throw new BlackboardUnavailable("mission " + missionId + ": committed end did not reach offset "
                        + highWatermark + " within " + STABLE_TIMEOUT.toSeconds() + " s", null);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(STABLE_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlackboardUnavailable("interrupted while waiting for mission " + missionId, e);
            }
        }
        return committedEnd;
    }

    /** The task's carried mission start when it is the mission's partition here, else the index's (0: a scan). */
    long startOffset(RunLane task) {
        try {
            MissionStart carried = task.getMissionStart();
            if (carried != null && carried.getPartition() == reader.partition(task.getMissionId())) {
                return carried.getOffset();
            }
            ReadStart start = reader.start(task.getMissionId());
            if (start instanceof ReadStart.Scan scan) {
                LOG.info("{}: reading the mission from offset 0: {}", describe(task), scan.reason());
            }
            return start.offset();
        } catch (KafkaException | IllegalStateException e) {
            throw new BlackboardUnavailable("cannot find where mission " + task.getMissionId() + " starts", e);
        }
    }

    long endOffset(String missionId) {
        try {
            return reader.endOffset(missionId);
        } catch (KafkaException e) {
            throw new BlackboardUnavailable("cannot find the end of mission " + missionId, e);
        }
    }

    List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
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
    public void close() {
        fencer.shutdownNow();
        highWatermarks.close();
        reader.close();
    }

    private static String describe(RunLane task) {
        return "lane " + task.getMissionId() + "/" + task.getLane().getLaneId() + " attempt " + task.getAttempt();
    }
}
