package dev.swarmboard.verifier.topology;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.quorum.MissionLogs;
import dev.swarmboard.verifier.service.VerifierConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The verifier topology in a {@code TopologyTestDriver}, with the service's own configuration and
 * serdes. It keeps the blackboard as the topology saw it: every event piped in and every verdict
 * written back (the driver feeds those back to the topology, like the real topic does).
 */
final class VerifierDriver implements AutoCloseable {

    static final String PREFIX = "t.";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> blackboard;
    private final TestOutputTopic<String, byte[]> written;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestOutputTopic<String, byte[]> changelog;
    private final List<RecordedEvent> log = new ArrayList<>();

    VerifierDriver(Path stateDir, Instant wallClock) {
        VerifierConfig config = VerifierConfig.fromEnvironment(Map.of("SWARM_TOPIC_PREFIX", PREFIX,
                "SWARM_VERIFIER_STATE_DIR", stateDir.toString()));
        driver = new TopologyTestDriver(VerifierTopology.build(new StreamsBuilder(), config, MissionLogs.CODECS),
                config.streamsProperties(), wallClock);
        String topic = config.common().catalogue().blackboard();
        blackboard = driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
        written = driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(config.common().catalogue().deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        changelog = driver.createOutputTopic(config.applicationId() + "-" + VerifierTopology.MISSIONS_STORE
                + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Pipes the events in order; returns the verdicts they triggered. */
    List<BlackboardEvent> pipe(List<BlackboardEvent> events) {
        List<BlackboardEvent> verdicts = new ArrayList<>();
        for (BlackboardEvent event : events) {
            RecordedEvent recorded = MissionLogs.recorded(event, log.size());
            blackboard.pipeInput(event.getHeader().getMissionId(), recorded.value(),
                    event.getHeader().getOccurredAt());
            log.add(recorded);
            verdicts.addAll(readVerdicts());
        }
        return verdicts;
    }

    void pipeRaw(String key, byte[] value, Instant at) {
        blackboard.pipeInput(key, value, at);
    }

    /** Advances the wall clock; returns the deadline verdicts the punctuator wrote. */
    List<BlackboardEvent> advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
        return readVerdicts();
    }

    private List<BlackboardEvent> readVerdicts() {
        List<BlackboardEvent> verdicts = new ArrayList<>();
        for (TestRecord<String, byte[]> record : written.readRecordsToList()) {
            BlackboardEvent verdict = MissionLogs.CODECS.events().codec().decode(record.value());
            log.add(new RecordedEvent(verdict, "t.blackboard", 0, log.size(), record.timestamp(), record.value()));
            verdicts.add(verdict);
        }
        return verdicts;
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** Key and value bytes written to the mission state changelog since the last call. */
    long changelogBytes() {
        return changelog.readRecordsToList().stream().mapToLong(record -> record.key().length()
                + (record.value() == null ? 0 : record.value().length)).sum();
    }

    /** The keys the mission state store holds now. */
    List<String> stateKeys() {
        List<String> keys = new ArrayList<>();
        driver.<String, byte[]>getKeyValueStore(VerifierTopology.MISSIONS_STORE).all()
                .forEachRemaining(entry -> keys.add(entry.key));
        return keys;
    }

    /** The blackboard as the topology saw it, in log order. */
    List<RecordedEvent> log() {
        return List.copyOf(log);
    }

    /** The stored bytes of the verdicts in the log. */
    List<byte[]> verdictBytes() {
        return log.stream().filter(e -> e.type().equals("QuorumReached")).map(RecordedEvent::value).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
