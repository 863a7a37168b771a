package dev.swarmboard.verifier.state;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.quorum.Anomaly;
import dev.swarmboard.verifier.quorum.EventIndex;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import dev.swarmboard.verifier.quorum.LaneRounds;
import dev.swarmboard.verifier.quorum.MissionVerification;
import dev.swarmboard.verifier.quorum.ReceiptLedger;
import dev.swarmboard.verifier.quorum.ToolUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Stores a {@link MissionVerification} as a {@link VerificationState} (Avro single-object encoding).
 * The plan and the counted outcomes are kept as blackboard events in the blackboard codec, so a
 * state written before a schema change still decodes after it.
 */
public final class VerificationStateSerde implements Serde<MissionVerification>, Serializer<MissionVerification>,
        Deserializer<MissionVerification> {

    private final AvroCodec<BlackboardEvent> events;

    public VerificationStateSerde(Codecs codecs) {
        this.events = codecs.events().codec();
    }

    @Override
    public byte[] serialize(String topic, MissionVerification fold) {
        if (fold == null) {
            return null;
        }
        try {
            return toArray(toState(fold).toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the state of mission " + fold.missionId(), e);
        }
    }

    @Override
    public MissionVerification deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return fromState(VerificationState.fromByteBuffer(ByteBuffer.wrap(bytes)));
        } catch (IOException e) {
            throw new SerializationException("cannot decode verifier state: " + e.getMessage(), e);
        }
    }

    private VerificationState toState(MissionVerification fold) {
        LaneRounds rounds = fold.rounds();
        return VerificationState.newBuilder()
                .setMissionId(fold.missionId())
                .setHead(ByteBuffer.wrap(fold.head().value()))
                .setEventCount(fold.head().count())
                .setContentHashes(fold.index().contentHashes().entrySet().stream()
                        .map(entry -> new IndexedEvent(entry.getKey(), entry.getValue())).toList())
                .setAnomalies(fold.index().anomalies().stream().map(a -> new StoredAnomaly(a.kind().name(),
                        a.eventId(), a.eventType(), a.laneId(), a.attempt())).toList())
                .setToolUses(fold.receipts().toolUses().stream().map(t -> new StoredToolUse(t.eventId(), t.laneId(),
                        t.attempt(), t.tool(), t.exitCode(), t.timedOut(), t.testsTool())).toList())
                .setTokensUsed(fold.receipts().tokensUsed())
                .setCostUsd(fold.receipts().costUsd())
                .setPlan(rounds.planEvent() == null ? null : ByteBuffer.wrap(events.encode(rounds.planEvent())))
                .setRound(rounds.round())
                .setExpectedAttempts(rounds.expectedAttempts().entrySet().stream()
                        .map(entry -> new ExpectedAttempt(entry.getKey(), entry.getValue())).toList())
                .setOutcomes(rounds.outcomes().stream().map(o -> ByteBuffer.wrap(events.encode(o.event()))).toList())
                .setRoundDecided(rounds.roundDecided())
                .setTerminal(rounds.terminal())
                .build();
    }

    private MissionVerification fromState(VerificationState state) {
        Map<String, String> hashes = new LinkedHashMap<>();
        state.getContentHashes().forEach(entry -> hashes.put(entry.getEventId(), entry.getContentHash()));
        List<Anomaly> anomalies = state.getAnomalies().stream().map(a -> new Anomaly(Anomaly.Kind.valueOf(a.getKind()),
                a.getEventId(), a.getEventType(), a.getLaneId(), a.getAttempt())).toList();
        List<ToolUse> tools = state.getToolUses().stream().map(t -> new ToolUse(t.getEventId(), t.getLaneId(),
                t.getAttempt(), t.getTool(), t.getExitCode(), t.getTimedOut(), t.getTestsTool())).toList();
        Map<String, Integer> expected = new LinkedHashMap<>();
        state.getExpectedAttempts().forEach(entry -> expected.put(entry.getLaneId(), entry.getAttempt()));
        LaneRounds rounds = new LaneRounds(state.getPlan() == null ? null : decode(state.getPlan()), state.getRound(),
                expected, state.getOutcomes().stream().map(bytes -> new LaneOutcome(decode(bytes))).toList(),
                state.getRoundDecided(), state.getTerminal());
        return new MissionVerification(state.getMissionId(),
                new HeadHash(toArray(state.getHead()), state.getEventCount()), new EventIndex(hashes, anomalies),
                new ReceiptLedger(state.getTokensUsed(), state.getCostUsd(), tools), rounds);
    }

    private BlackboardEvent decode(ByteBuffer bytes) {
        return events.decode(toArray(bytes));
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Override
    public Serializer<MissionVerification> serializer() {
        return this;
    }

    @Override
    public Deserializer<MissionVerification> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the codecs are given at construction.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
