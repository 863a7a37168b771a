package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.missionindex.MissionLocation;
import dev.swarmboard.cli.view.EventLine;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.deadletter.SkippingConsumer;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm watch}: tails the blackboard live (read_committed, no consumer group, nothing
 * committed) and prints one line per event; undecodable records are shown with their offset, and a
 * record the client cannot read (a corrupt batch) is shown and skipped.
 */
@Command(name = "watch", description = "Tail the blackboard live: missions, lanes, stages, votes and digests as they happen.")
final class WatchCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--mission", paramLabel = "ID", description = "Only this mission (reads only its partition).")
    String mission;

    @Option(names = "--from-beginning", description = "Start with the oldest events instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max-events", defaultValue = "-1", description = "Stop after this many events (default: run until Ctrl-C).")
    long maxEvents;

    private final AtomicBoolean running = new AtomicBoolean(true);

    @Override
    public Integer call() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.set(false), "swarm-watch-stop"));
        watch(System.out);
        return 0;
    }

    void watch(PrintStream out) {
        TopicCatalogue catalogue = kafka.common().catalogue();
        AvroCodec<BlackboardEvent> codec = Codecs.create().events().codec();
        try (var consumer = new SkippingConsumer<>(BlackboardReader.consumerProperties(kafka.clientProperties()),
                new StringDeserializer(), new ByteArrayDeserializer(), unreadable -> out.println(
                        "UNREADABLE at " + unreadable.coordinates() + " skipped: " + unreadable.reason()))) {
            List<TopicPartition> partitions = partitions(consumer, catalogue.blackboard());
            consumer.assign(partitions);
            if (fromBeginning && mission != null) {
                // Only the mission's records matter: start at its first offset, not at the partition's.
                consumer.seek(partitions.get(0), MissionLocation.of(kafka.clientProperties(), catalogue, mission)
                        .start().offset());
            } else if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long seen = 0;
            while (running.get() && (maxEvents < 0 || seen < maxEvents)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if ((mission == null || mission.equals(record.key())) && (maxEvents < 0 || seen < maxEvents)) {
                        out.println(line(codec, record));
                        seen++;
                    }
                }
                out.flush();
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer, String topic) {
        return mission == null ? TopicPartitions.all(consumer, topic)
                : List.of(TopicPartitions.ofMission(consumer, topic, mission));
    }

    private static String line(AvroCodec<BlackboardEvent> codec, ConsumerRecord<String, byte[]> record) {
        try {
            return EventLine.render(codec.decode(record.value()));
        } catch (EventDecodeException e) {
            return ShownText.terminal("UNDECODABLE at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " key=" + record.key() + ": " + e.getMessage());
        }
    }
}
