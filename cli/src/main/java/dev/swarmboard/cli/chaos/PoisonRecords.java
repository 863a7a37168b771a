package dev.swarmboard.cli.chaos;

import dev.swarmboard.codec.LengthBomb;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Hostile bytes on every input topic (missions, lane tasks, blackboard): the 23-byte length bomb of
 * issue 17 (the single-object marker, the topic's real schema fingerprint, a first string length of
 * 2,147,483,639 bytes) and 64 bytes of seeded garbage, each sent once; returns where each landed.
 */
final class PoisonRecords {

    /** The declared string length of the bomb: the largest array Java allows. */
    private static final int GARBAGE_SIZE = 64;

    /** One poison record as sent: what it is and its {@code topic-partition@offset}. */
    record Sent(String kind, String coordinates) {
    }

    private PoisonRecords() {
    }

    /** Sends a bomb and garbage to each input topic under {@code key}; their coordinates, in order. */
    static List<Sent> send(Map<String, Object> client, TopicCatalogue catalogue, String key)
            throws InterruptedException, ExecutionException {
        Map<String, Schema> inputs = Map.of(catalogue.missions(), MissionCommand.getClassSchema(),
                catalogue.laneTasks(), RunLane.getClassSchema(), catalogue.blackboard(), BlackboardEvent.getClassSchema());
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        Random random = new Random(17);
        List<Sent> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : List.of(catalogue.missions(), catalogue.laneTasks(), catalogue.blackboard())) {
                byte[] garbage = new byte[GARBAGE_SIZE];
                random.nextBytes(garbage);
                sent.add(new Sent("length bomb", coordinates(producer.send(new ProducerRecord<>(topic, key,
                        LengthBomb.of(inputs.get(topic)))).get())));
                sent.add(new Sent("garbage", coordinates(producer.send(new ProducerRecord<>(topic, key, garbage)).get())));
            }
        }
        return sent;
    }

    private static String coordinates(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
