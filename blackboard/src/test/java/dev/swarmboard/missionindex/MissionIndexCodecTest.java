package dev.swarmboard.missionindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MissionIndexCodecTest {

    @Test
    void shouldRoundTripAMissionStart() {
        // Given a start encoded for a mission
        byte[] value = MissionIndexCodec.encodeValue(4, 1_000_123L);

        // When it is decoded under the mission's key
        IndexEntry entry = MissionIndexCodec.decode("release-42", value, 4);

        // Then it names the mission, its partition and the offset, in plain text
        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("4@1000123");
        assertThat(entry).isEqualTo(new IndexEntry.Start("release-42", 4, 1_000_123L));
    }

    @Test
    void shouldReadAMarkerOnlyOnTheIndexPartitionOfItsNumber() {
        byte[] value = MissionIndexCodec.encodeValue(2, 0);

        assertThat(MissionIndexCodec.decode(MissionIndexCodec.INDEXED_FROM_KEY, value, 2))
                .isEqualTo(new IndexEntry.IndexedFrom(2, 0));
        assertThat(MissionIndexCodec.decode(MissionIndexCodec.INDEXED_FROM_KEY, value, 3))
                .isInstanceOf(IndexEntry.Malformed.class);
    }

    @Test
    void shouldSayWhyARecordIsNotAnEntry() {
        assertThat(MissionIndexCodec.decode("m-1", "4:12".getBytes(StandardCharsets.UTF_8), 0))
                .isEqualTo(new IndexEntry.Malformed("m-1", "value '4:12' is not <partition>@<offset>"));
        assertThat(MissionIndexCodec.decode("m-1", null, 0)).isEqualTo(new IndexEntry.Malformed("m-1", "tombstone"));
        assertThat(MissionIndexCodec.decode(null, "1@2".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(IndexEntry.Malformed.class);
        assertThat(MissionIndexCodec.decode("*other", "1@2".getBytes(StandardCharsets.UTF_8), 1))
                .isEqualTo(new IndexEntry.Malformed("*other", "key is not a mission id"));
        assertThat(MissionIndexCodec.decode("m-1", "1@99999999999999999999".getBytes(StandardCharsets.UTF_8), 1))
                .isInstanceOf(IndexEntry.Malformed.class);
    }

    @Test
    void shouldRefuseToIndexWhatCannotBeAMission() {
        assertThat(MissionIndexCodec.indexable("m-1")).isTrue();
        assertThat(MissionIndexCodec.indexable(MissionIndexCodec.INDEXED_FROM_KEY)).isFalse();
        assertThat(MissionIndexCodec.indexable("")).isFalse();
        assertThatThrownBy(() -> MissionIndexCodec.encodeValue(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripTheFollowUpsOfAMission() {
        // Given a pause and an escalation of mission m-1, which starts at 3@40
        String paused = MissionIndexCodec.followUpKey(IndexEntry.FollowUp.PAUSED, "m-1", "");
        String escalation = MissionIndexCodec.followUpKey(IndexEntry.FollowUp.ESCALATION, "m-1", "e-7");
        byte[] value = MissionIndexCodec.encodeValue(3, 40);

        // When they are read back from index partition 3
        // Then each names its kind, mission, escalation and the mission's start
        assertThat(paused).isEqualTo("*paused/m-1");
        assertThat(MissionIndexCodec.decode(paused, value, 3))
                .isEqualTo(new IndexEntry.FollowUp("paused", "m-1", "", 3, 40));
        assertThat(MissionIndexCodec.decode(escalation, value, 3))
                .isEqualTo(new IndexEntry.FollowUp("escalation", "m-1", "e-7", 3, 40));
    }

    @Test
    void shouldFailClosedOnAFollowUpItDoesNotKnowWhileStillNamingItsMission() {
        byte[] value = MissionIndexCodec.encodeValue(3, 40);
        assertThat(MissionIndexCodec.decode("*snoozed/m-1", value, 3))
                .isEqualTo(new IndexEntry.Malformed("*snoozed/m-1", "unknown follow-up '*snoozed/m-1'"));
        assertThat(MissionIndexCodec.decode("*escalation/m-1", value, 3)).isInstanceOf(IndexEntry.Malformed.class);
        assertThat(MissionIndexCodec.decode("*paused/m-1", value, 2)).isInstanceOf(IndexEntry.Malformed.class);
        assertThat(MissionIndexCodec.followUpMission("*snoozed/m-1")).contains("m-1");
        assertThat(MissionIndexCodec.followUpMission(MissionIndexCodec.INDEXED_FROM_KEY)).isEmpty();
        assertThat(MissionIndexCodec.isFollowUpKey("m-1")).isFalse();
        assertThatThrownBy(() -> MissionIndexCodec.followUpKey("snoozed", "m-1", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MissionIndexCodec.followUpKey("paused", "a/b", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
