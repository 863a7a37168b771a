package dev.swarmboard.missionindex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartDecisionTest {

    @Test
    void shouldStartAtTheIndexedOffsetOfTheMissionsPartition() {
        ReadStart start = StartDecision.decide("m-1", 3, new IndexEntry.Start("m-1", 3, 5_000L), 0L);

        assertThat(start).isEqualTo(new ReadStart.At(5_000L, "mission index"));
        assertThat(start.offset()).isEqualTo(5_000L);
    }

    @Test
    void shouldScanWhenTheEntryNamesAnotherPartition() {
        ReadStart start = StartDecision.decide("m-1", 3, new IndexEntry.Start("m-1", 1, 5_000L), 0L);

        assertThat(start).isInstanceOf(ReadStart.Scan.class);
        assertThat(start.offset()).isZero();
        assertThat(((ReadStart.Scan) start).reason()).contains("partition 1").contains("hashes to 3");
    }

    @Test
    void shouldScanOnAMalformedEntry() {
        ReadStart start = StartDecision.decide("m-1", 3, new IndexEntry.Malformed("m-1", "tombstone"), 0L);

        assertThat(start).isInstanceOf(ReadStart.Scan.class);
        assertThat(((ReadStart.Scan) start).reason()).contains("tombstone");
    }

    @Test
    void shouldKnowAMissionIsAbsentOnlyWhenThePartitionIsIndexedFromItsBeginning() {
        assertThat(StartDecision.decide("m-1", 3, null, 0L)).isEqualTo(new ReadStart.Absent());
        assertThat(StartDecision.decide("m-1", 3, null, 0L).offset()).isZero();

        ReadStart partial = StartDecision.decide("m-1", 3, null, 70_000L);
        assertThat(partial).isInstanceOf(ReadStart.Scan.class);
        assertThat(((ReadStart.Scan) partial).reason()).contains("indexed only from offset 70000");
    }

    @Test
    void shouldScanAMissionOfAPartitionWithoutMarker() {
        ReadStart start = StartDecision.decide("old-mission", 0, null, null);

        assertThat(start).isInstanceOf(ReadStart.Scan.class);
        assertThat(((ReadStart.Scan) start).reason()).contains("no index marker");
    }
}
