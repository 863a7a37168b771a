package dev.swarmboard.verifier.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.verifier.bench.SyntheticMission;
import dev.swarmboard.verifier.quorum.MissionLogs;
import dev.swarmboard.verifier.quorum.MissionVerification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MissionStatesTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void createStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("entries"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void shouldContinueAStoredFoldExactlyAsTheFoldItself() {
        // Given two rounds of a mission, with a duplicate, a stale yield, a late receipt and a replaced plan
        SyntheticMission mission = new SyntheticMission("m-9", List.of("a", "b"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        List<BlackboardEvent> laneB = mission.laneAttempt("b", 1, false);
        events.addAll(laneB);
        events.add(laneB.get(2));
        events.add(MissionLogs.withId(laneB.get(3), "late"));
        events.add(mission.retry(2, List.of("b")));
        events.add(mission.planIssued(withoutLane(mission, "a")));
        events.addAll(mission.laneAttempt("b", 2, true));

        // When one fold runs straight through and another is saved and loaded afresh after every event
        MissionVerification straight = MissionVerification.start("m-9");
        List<BlackboardEvent> straightVerdicts = new ArrayList<>();
        List<BlackboardEvent> storedVerdicts = new ArrayList<>();
        for (RecordedEvent recorded : MissionLogs.log(events)) {
            straight.apply(recorded).ifPresent(straightVerdicts::add);
            MissionStates states = new MissionStates(store, MissionLogs.CODECS);
            MissionVerification stored = states.live("m-9").orElseThrow();
            FoldDelta before = MissionStates.before(stored, recorded.event().getHeader().getEventId());
            stored.apply(recorded).ifPresent(storedVerdicts::add);
            states.save(stored, before);
            if (!straight.rounds().terminal()) {
                assertSameFold(new MissionStates(store, MissionLogs.CODECS).live("m-9").orElseThrow(), straight);
            }
        }

        // Then both give the same verdicts, and the stored fold was the fold after every event
        assertThat(straightVerdicts).hasSize(2);
        assertThat(storedVerdicts).isEqualTo(straightVerdicts);
        assertThat(straight.index().anomalies()).hasSize(1);
        assertThat(straight.receipts().toolUses()).hasSize(3);
        assertThat(straight.rounds().expectedAttempts()).containsOnlyKeys("b");
    }

    private static void assertSameFold(MissionVerification restored, MissionVerification straight) {
        assertThat(restored.head()).isEqualTo(straight.head());
        assertThat(restored.index().contentHashes()).containsExactlyInAnyOrderEntriesOf(straight.index().contentHashes());
        assertThat(restored.index().anomalies()).isEqualTo(straight.index().anomalies());
        assertThat(restored.receipts().toolUses()).isEqualTo(straight.receipts().toolUses());
        assertThat(restored.rounds().expectedAttempts()).isEqualTo(straight.rounds().expectedAttempts());
        assertThat(restored.rounds().outcomes()).isEqualTo(straight.rounds().outcomes());
        assertThat(restored.rounds().planEvent()).isEqualTo(straight.rounds().planEvent());
        assertThat(FoldDelta.summary(restored)).isEqualTo(FoldDelta.summary(straight));
    }

    @Test
    void shouldKeepOnlyATerminalSummaryOfAFinishedMission() {
        // Given a mission whose round passes
        SyntheticMission mission = new SyntheticMission("m-7", List.of("a"), START, Duration.ofHours(1));
        List<BlackboardEvent> events = new ArrayList<>(List.of(mission.planIssued()));
        events.addAll(mission.laneAttempt("a", 1, true));
        MissionStates states = new MissionStates(store, MissionLogs.CODECS);
        List<BlackboardEvent> verdicts = new ArrayList<>();
        for (RecordedEvent recorded : MissionLogs.log(events)) {
            MissionVerification fold = states.live("m-7").orElseThrow();
            FoldDelta before = MissionStates.before(fold, recorded.event().getHeader().getEventId());
            fold.apply(recorded).ifPresent(verdicts::add);
            states.save(fold, before);
        }

        // Then one entry is left, and the mission is final for a fresh instance too
        assertThat(verdicts).hasSize(1);
        assertThat(keys("m-7")).containsExactly(StateKey.of("m-7", StateKey.Kind.SUMMARY, ""));
        assertThat(new MissionStates(store, MissionLogs.CODECS).live("m-7")).isEqualTo(Optional.empty());
    }

    @Test
    void shouldKeepMissionsWhoseIdsArePrefixesOfEachOtherApart() {
        assertThat(StateKey.prefix("m-1")).isNotEqualTo(StateKey.prefix("m-1/S"));
        assertThat(StateKey.of("m-1/S", StateKey.Kind.SUMMARY, "")).doesNotStartWith(StateKey.prefix("m-1"));
        assertThat(StateKey.parse("a/b", StateKey.of("a/b", StateKey.Kind.EVENT_HASH, "e/1")))
                .isEqualTo(new StateKey(StateKey.Kind.EVENT_HASH, "e/1"));
    }

    private static dev.swarmboard.schema.Plan withoutLane(SyntheticMission mission, String lane) {
        dev.swarmboard.schema.Plan plan = dev.swarmboard.schema.Plan.newBuilder(mission.plan()).build();
        List<PlannedLane> lanes = new ArrayList<>(plan.getLanes());
        lanes.removeIf(planned -> planned.getLaneId().equals(lane));
        plan.setLanes(lanes);
        plan.setPlanId(plan.getPlanId() + "-replanned");
        return plan;
    }

    private List<String> keys(String missionId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(StateKey.prefix(missionId),
                new StringSerializer())) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
