package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.command.ApproveMission;
import dev.swarmboard.schema.command.CancelMission;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.Traceparents;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicCatalogue;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes SubmitMission, ApproveMission and CancelMission to the missions topic, keyed by
 * mission id, with an idempotent producer and acks=all; each call waits for the broker's
 * acknowledgement and returns the command id the orchestrator's answer will cite as its cause. Each
 * command carries a W3C traceparent in its header (and as a Kafka header): a submission starts the mission's trace.
 */
public final class MissionCommands implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<String, MissionCommand> producer;
    private final String topic;
    private final String issuedBy;
    private final Clock clock;
    private final Tracing tracing;

    public MissionCommands(Producer<String, MissionCommand> producer, String topic, String issuedBy, Clock clock) {
        this(producer, topic, issuedBy, clock, Tracing.off());
    }

    /** Commands whose spans ({@code swarm submit} and so on, each the root of a trace) go to {@code tracing}. */
    public MissionCommands(Producer<String, MissionCommand> producer, String topic, String issuedBy, Clock clock,
                           Tracing tracing) {
        this.producer = producer;
        this.topic = topic;
        this.issuedBy = issuedBy;
        this.clock = clock;
        this.tracing = tracing;
    }

    public static MissionCommands create(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                                         String issuedBy) {
        return create(clientProperties, catalogue, codecs, issuedBy, Tracing.off());
    }

    /** As above, tracing each command; the caller closes {@code tracing} (which flushes its spans). */
    public static MissionCommands create(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                                         String issuedBy, Tracing tracing) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new MissionCommands(new KafkaProducer<>(properties, new StringSerializer(),
                codecs.commands().serializer()), catalogue.missions(), issuedBy, Clock.systemUTC(), tracing);
    }

    /** Submits the mission; its span ({@code swarm submit}) is the root of the mission's trace. */
    public Sent submit(SubmitMission submission) {
        return send(submission.getMission().getMissionId(), submission, "swarm submit");
    }

    /** Approves the paused mission's proposal; an empty plan id approves whatever is proposed. */
    public Sent approve(String missionId, String planId, String note) {
        return send(missionId, new ApproveMission(planId, note), "swarm approve");
    }

    public Sent cancel(String missionId, String reason) {
        return send(missionId, new CancelMission(reason), "swarm cancel");
    }

    private Sent send(String missionId, SpecificRecord payload, String spanName) {
        try (Hop hop = tracing.root(spanName, SpanKind.PRODUCER).set(Hop.MISSION, missionId)) {
            return publish(missionId, payload, hop.traceparent());
        }
    }

    private Sent publish(String missionId, SpecificRecord payload, String traceparent) {
        String commandId = UUID.randomUUID().toString();
        CommandHeader header = CommandHeader.newBuilder()
                .setCommandId(commandId)
                .setMissionId(missionId)
                .setIssuedAt(clock.instant())
                .setIssuedBy(issuedBy)
                .setTraceparent(traceparent)
                .build();
        MissionCommand command = new MissionCommand(header, payload);
        ProducerRecord<String, MissionCommand> record = new ProducerRecord<>(topic, missionId, command);
        Traceparents.addHeader(record.headers(), traceparent);
        try {
            RecordMetadata metadata = producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Sent(commandId, missionId, metadata.partition(), metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a command for mission " + missionId, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot send a command for mission " + missionId + " to " + topic + ": "
                    + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A command the broker acknowledged: its id, its mission and where it landed. */
    public record Sent(String commandId, String missionId, int partition, long offset) {
    }
}
