package dev.swarmboard.verifier.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A blackboard on the shared test broker: writes events as the services do but with the record
 * timestamp set to each event's occurredAt (so verdicts are comparable across runs), reads
 * missions back, and tells how far a consumer group has committed.
 */
public final class BlackboardFixture implements AutoCloseable {

    private final Map<String, Object> clientProperties;
    private final TopicCatalogue catalogue;
    private final Codecs codecs = Codecs.create();
    private final KafkaProducer<String, byte[]> producer;

    public BlackboardFixture(String bootstrap, TopicCatalogue catalogue) {
        this.clientProperties = Map.of("bootstrap.servers", bootstrap);
        this.catalogue = catalogue;
        this.producer = new KafkaProducer<>(BlackboardWriter.producerProperties(clientProperties, "test-writer"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void write(List<BlackboardEvent> events) {
        for (BlackboardEvent event : events) {
            writeRaw(event.getHeader().getMissionId(), codecs.events().codec().encode(event),
                    event.getHeader().getOccurredAt().toEpochMilli(), BlackboardWriter.record(catalogue.blackboard(),
                            event).headers());
        }
    }

    public void writeRaw(String key, byte[] value, long timestamp, Iterable<org.apache.kafka.common.header.Header> headers) {
        try {
            producer.send(new ProducerRecord<>(catalogue.blackboard(), null, timestamp, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public MissionLog read(String missionId) {
        try (BlackboardReader reader = new BlackboardReader(clientProperties, catalogue, codecs)) {
            return reader.readMission(missionId);
        }
    }

    /** The events of a type in the mission's log. */
    public List<BlackboardEvent> events(String missionId, String type) {
        return read(missionId).events().stream().filter(e -> e.type().equals(type)).map(e -> e.event()).toList();
    }

    /** The offsets the group committed on the blackboard, by partition. */
    public Map<Integer, Long> committed(String groupId) {
        try (Admin admin = Admin.create(clientProperties)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> blackboard = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(catalogue.blackboard()) && offset != null) {
                    blackboard.put(partition.partition(), offset.offset());
                }
            });
            return blackboard;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public Codecs codecs() {
        return codecs;
    }

    @Override
    public void close() {
        producer.close();
    }
}
