package dev.swarmboard.verifier.state;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.quorum.Anomaly;
import dev.swarmboard.verifier.quorum.EventIndex;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import dev.swarmboard.verifier.quorum.LaneRounds;
import dev.swarmboard.verifier.quorum.MissionVerification;
import dev.swarmboard.verifier.quorum.ReceiptLedger;
import dev.swarmboard.verifier.quorum.ToolUse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The folds of the missions of one task, kept in one key-value store as small entries (see
 * {@link StateKey}): each step writes only what it changed ({@link FoldDelta}). A mission whose fold
 * turned terminal has every entry deleted but a terminal summary, so later events of it (a digest,
 * duplicates) still change nothing and the store, its changelog and a restore stay bounded by the
 * live missions. Live folds are also kept in memory, for at most {@link #CACHED} missions; an
 * instance is made per task initialisation, so nothing survives an aborted transaction.
 */
public final class MissionStates {

    /** Live folds kept decoded in memory; the others are loaded from the store on their next event. */
    static final int CACHED = 512;

    private final KeyValueStore<String, byte[]> store;
    private final EntryCodec codec;
    private final Map<String, MissionVerification> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MissionVerification> eldest) {
            return size() > CACHED;
        }
    };

    public MissionStates(KeyValueStore<String, byte[]> store, Codecs codecs) {
        this.store = store;
        this.codec = new EntryCodec(codecs);
    }

    /** The mission's fold, a new one before its first event, or empty once the mission is final. */
    public Optional<MissionVerification> live(String missionId) {
        MissionVerification cached = cache.get(missionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MissionVerification> loaded = load(missionId);
        loaded.ifPresent(fold -> cache.put(missionId, fold));
        return loaded;
    }

    /** A snapshot of the fold to take before a step (event id {@code null} for a deadline). */
    public static FoldDelta before(MissionVerification fold, String eventId) {
        return FoldDelta.before(fold, eventId);
    }

    /** Writes what the step since {@code before} changed; a terminal fold is reduced to its summary. */
    public void save(MissionVerification fold, FoldDelta before) {
        if (fold.rounds().terminal()) {
            finish(fold);
            return;
        }
        before.entries(fold, codec).forEach((key, value) -> {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
        });
    }

    /** Drops the in-memory fold, e.g. after a step that threw halfway; the store still holds the last save. */
    public void forget(String missionId) {
        cache.remove(missionId);
    }

    private void finish(MissionVerification fold) {
        cache.remove(fold.missionId());
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = scan(fold.missionId())) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
        store.put(StateKey.of(fold.missionId(), StateKey.Kind.SUMMARY, ""),
                EntryCodec.summary(FoldDelta.summary(fold)));
    }

    private KeyValueIterator<String, byte[]> scan(String missionId) {
        return store.prefixScan(StateKey.prefix(missionId), new StringSerializer());
    }

    private Optional<MissionVerification> load(String missionId) {
        Restored restored = new Restored();
        try (KeyValueIterator<String, byte[]> entries = scan(missionId)) {
            entries.forEachRemaining(entry -> restored.add(StateKey.parse(missionId, entry.key), entry.value));
        }
        if (restored.summary != null && restored.summary.getTerminal()) {
            return Optional.empty();
        }
        return Optional.of(restored.summary == null ? MissionVerification.start(missionId) : restored.fold(missionId));
    }

    /** The entries of one mission as they come out of a prefix scan. */
    private final class Restored {
        private MissionSummary summary;
        private BlackboardEvent plan;
        private final Map<String, Integer> expected = new TreeMap<>();
        private final List<LaneOutcome> outcomes = new ArrayList<>();
        private final List<ToolUse> toolUses = new ArrayList<>();
        private final List<Anomaly> anomalies = new ArrayList<>();
        private final Map<String, String> hashes = new LinkedHashMap<>();

        void add(StateKey key, byte[] value) {
            switch (key.kind()) {
                case SUMMARY -> summary = EntryCodec.summary(value);
                case PLAN -> plan = codec.event(value);
                case LANE -> expected.put(key.sub(), Integer.parseInt(EntryCodec.text(value)));
                case OUTCOME -> outcomes.add(new LaneOutcome(codec.event(value)));
                case TOOL_USE -> toolUses.add(EntryCodec.toolUse(value));
                case ANOMALY -> anomalies.add(EntryCodec.anomaly(value));
                case EVENT_HASH -> hashes.put(key.sub(), EntryCodec.text(value));
            }
        }

        MissionVerification fold(String missionId) {
            LaneRounds rounds = new LaneRounds(plan, summary.getRound(), expected, outcomes, summary.getRoundDecided(),
                    summary.getTerminal());
            return new MissionVerification(missionId, new HeadHash(bytes(summary.getHead()), summary.getEventCount()),
                    new EventIndex(hashes, anomalies), new ReceiptLedger(summary.getTokensUsed(), summary.getCostUsd(),
                    toolUses), rounds);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
