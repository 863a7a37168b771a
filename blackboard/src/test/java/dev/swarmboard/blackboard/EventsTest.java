package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.MissionCancelled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventsTest {

    private final EventOrigin origin = EventOrigin.mission("m-1", "orchestrator/test");

    @Test
    void shouldFillTheHeaderFromOriginPayloadTypeAndContentHash() {
        // Given a payload
        MissionCancelled payload = new MissionCancelled("user asked", "alice", List.of("drop lanes"));

        // When wrapped with a deterministic id
        BlackboardEvent event = Events.create(origin.forLane("lane-a", 2), payload, Instant.EPOCH, "m-1", "x");

        // Then the header says what it is, where it belongs and hashes intact
        assertThat(event.getHeader().getType()).isEqualTo("MissionCancelled");
        assertThat(event.getHeader().getMissionId()).isEqualTo("m-1");
        assertThat(event.getHeader().getLaneId()).isEqualTo("lane-a");
        assertThat(event.getHeader().getAttempt()).isEqualTo(2);
        assertThat(event.getHeader().getEventId()).isEqualTo(Events.deterministicId("m-1", "x"));
        assertThat(Events.hashIntact(event)).isTrue();
    }

    @Test
    void shouldDetectAPayloadChangedAfterHashing() {
        BlackboardEvent event = Events.create(origin, new MissionCancelled("a", "b", List.of()), Instant.EPOCH);

        ((MissionCancelled) event.getPayload()).setReason("rewritten");

        assertThat(Events.hashIntact(event)).isFalse();
    }

    @Test
    void shouldDeriveDistinctIdsFromDistinctPartsOnly() {
        assertThat(Events.deterministicId("m", "lane", "1")).isEqualTo(Events.deterministicId("m", "lane", "1"));
        // The separator keeps ("ab","c") and ("a","bc") apart.
        assertThat(Events.deterministicId("ab", "c")).isNotEqualTo(Events.deterministicId("a", "bc"));
    }

    @Test
    void shouldDeriveTheNameBasedUuidOfTheJoinedParts() {
        for (String[] parts : List.of(new String[] {"m-1", "lane-a", "StageCompleted", "7"}, new String[] {"ünï", "✓"},
                new String[] {""}, new String[] {"x".repeat(300), "y"})) {
            byte[] joined = String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8);
            assertThat(Events.deterministicId(parts)).isEqualTo(UUID.nameUUIDFromBytes(joined).toString());
        }
    }
}
