package dev.swarmboard.cli.bench;

import dev.swarmboard.blackboard.TopicPartitions;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Submits missions with a bounded number in flight and follows all of them through one read-committed
 * reader of every blackboard partition, on one thread: submit while fewer than {@code inFlight} are
 * running, poll, fold what was read into {@link MissionTimings}, repeat until every mission completed.
 */
final class MissionTraffic implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final MissionCommands commands;
    private final KafkaConsumer<String, byte[]> reader;
    private final AvroCodec<BlackboardEvent> codec;

    MissionTraffic(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs) {
        this.commands = MissionCommands.create(client, catalogue, codecs, "swarm-bench-e2e");
        this.reader = new KafkaConsumer<>(BlackboardReader.consumerProperties(client), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.codec = codecs.events().codec();
        List<TopicPartition> partitions = TopicPartitions.all(reader, catalogue.blackboard());
        reader.assign(partitions);
        reader.seekToEnd(partitions);
        partitions.forEach(reader::position);
    }

    /** Runs the missions to completion; fails with the first problem, or when {@code timeout} passes. */
    MissionTimings drive(List<SubmitMission> missions, int inFlight, Duration timeout) {
        MissionTimings timings = new MissionTimings();
        Deque<SubmitMission> waiting = new ArrayDeque<>(missions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (timings.completed().size() < missions.size()) {
            while (!waiting.isEmpty() && timings.running() < inFlight) {
                submit(waiting.poll(), timings);
            }
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                timings.observe(codec.decode(record.value()), System.currentTimeMillis());
            }
            timings.problem().ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(timings.completed().size() + " of " + missions.size()
                        + " missions completed within " + timeout.toSeconds() + " s");
            }
        }
        return timings;
    }

    private void submit(SubmitMission submission, MissionTimings timings) {
        String missionId = submission.getMission().getMissionId();
        long at = System.currentTimeMillis();
        MissionCommands.Sent sent = commands.submit(submission);
        timings.submitted(missionId, MissionStatus.follow(sent.commandId(), MissionHash.of(submission.getMission())), at);
    }

    @Override
    public void close() {
        reader.close();
        commands.close();
    }
}
