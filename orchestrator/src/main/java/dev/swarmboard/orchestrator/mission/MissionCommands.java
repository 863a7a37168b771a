package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.command.ApproveMission;
import dev.swarmboard.schema.command.CancelMission;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
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
 * acknowledgement and returns the command id the orchestrator's answer will cite as its cause.
 */
public final class MissionCommands implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<String, MissionCommand> producer;
    private final String topic;
    private final String issuedBy;
    private final Clock clock;

    public MissionCommands(Producer<String, MissionCommand> producer, String topic, String issuedBy, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.issuedBy = issuedBy;
        this.clock = clock;
    }

    public static MissionCommands create(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                                         String issuedBy) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new MissionCommands(new KafkaProducer<>(properties, new StringSerializer(),
                codecs.commands().serializer()), catalogue.missions(), issuedBy, Clock.systemUTC());
    }

    public Sent submit(SubmitMission submission) {
        return send(submission.getMission().getMissionId(), submission);
    }

    /** Approves the paused mission's proposal; an empty plan id approves whatever is proposed. */
    public Sent approve(String missionId, String planId, String note) {
        return send(missionId, new ApproveMission(planId, note));
    }

    public Sent cancel(String missionId, String reason) {
        return send(missionId, new CancelMission(reason));
    }

    private Sent send(String missionId, SpecificRecord payload) {
        String commandId = UUID.randomUUID().toString();
        CommandHeader header = CommandHeader.newBuilder()
                .setCommandId(commandId)
                .setMissionId(missionId)
                .setIssuedAt(clock.instant())
                .setIssuedBy(issuedBy)
                .build();
        MissionCommand command = new MissionCommand(header, payload);
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, missionId, command))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
