package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.schema.RunLane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery's writes to the blackboard: each append is one transaction on the attempt's
 * transactional producer, committed before {@link #append} returns; every event carries the headers
 * {@value #DELIVERY_HEADER} (the task's delivery count) and {@value #WORKER_HEADER} (the writing
 * process). Once a later delivery has opened the attempt, every append throws {@link AttemptFenced}.
 * Until its first read, the delivery's start and end of the mission are those of the read it opened
 * with, which that read returns.
 */
final class FencedDelivery implements AttemptBlackboard {

    private static final Logger LOG = LoggerFactory.getLogger(FencedDelivery.class);
    static final String DELIVERY_HEADER = "swarm.lane.delivery";
    static final String WORKER_HEADER = "swarm.lane.worker";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final FencedBlackboards reads;
    private final Producer<String, BlackboardEvent> producer;
    private final String topic;
    private final byte[] delivery;
    private final byte[] worker;
    private final FactSigner signer;
    private final AtomicReference<OpeningRead> opening;
    private LaneStartTimes starting;
    private boolean fenced;

    FencedDelivery(FencedBlackboards reads, Producer<String, BlackboardEvent> producer, String topic,
                   int deliveryCount, String worker, FactSigner signer, OpeningRead opening,
                   LaneStartTimes starting) {
        this.opening = new AtomicReference<>(opening.start() < opening.end() ? opening : null);
        this.signer = signer;
        this.starting = starting;
        this.reads = reads;
        this.producer = producer;
        this.topic = topic;
        this.delivery = Integer.toString(deliveryCount).getBytes(StandardCharsets.UTF_8);
        this.worker = worker.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long startOffset(RunLane task) {
        OpeningRead opened = opening.get();
        return opened != null ? opened.start() : reads.startOffset(task);
    }

    @Override
    public long endOffset(String missionId) {
        OpeningRead opened = opening.get();
        return opened != null ? opened.end() : reads.endOffset(missionId);
    }

    /**
     * The first read is answered by the read the delivery opened with when it asks for that range (as
     * {@link MissionView#open} does, after the start and end above); every other read goes to the broker.
     */
    @Override
    public List<BlackboardEvent> read(String missionId, long fromOffset, long toOffset) {
        OpeningRead opened = opening.getAndSet(null);
        if (opened != null && opened.start() == fromOffset && opened.end() == toOffset) {
            return opened.events();
        }
        return reads.read(missionId, fromOffset, toOffset);
    }

    /**
     * The events as one transaction on the attempt's producer. Parallel calls of an ensemble append from
     * several threads; a producer runs one transaction at a time.
     */
    @Override
    public synchronized void append(List<BlackboardEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String what = describe(events);
        if (fenced) {
            throw new AttemptFenced("a later delivery owns the attempt; not writing " + what, null);
        }
        List<ProducerRecord<String, BlackboardEvent>> records = events.stream().map(this::record).toList();
        if (starting != null) {
            starting.lap("prepare");
        }
        try {
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        } catch (KafkaException e) {
            if (isFencing(e)) {
                fenced = true;
                throw new AttemptFenced("a later delivery owns the attempt; " + what + " was not written", e);
            }
            abort();
            throw new BlackboardUnavailable("cannot append " + what, e);
        }
        if (starting != null) {
            starting.lap("commit");
            LOG.info(starting.line());
            starting = null;
        }
    }

    private ProducerRecord<String, BlackboardEvent> record(BlackboardEvent event) {
        ProducerRecord<String, BlackboardEvent> record = BlackboardWriter.record(topic, event, signer);
        record.headers().add(DELIVERY_HEADER, delivery).add(WORKER_HEADER, worker);
        return record;
    }

    /** The events as a log line names them: type and id of each. */
    private static String describe(List<BlackboardEvent> events) {
        return events.stream().map(event -> event.getHeader().getType() + " " + event.getHeader().getEventId())
                .collect(Collectors.joining(", "));
    }

    private static boolean isFencing(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            // The producer is unusable (fenced or failed); the next append fails and the task is released.
            fenced = fenced || isFencing(e);
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
