package dev.swarmboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeOverlapTest {

    private static final String BLOB = "0".repeat(40);

    static String modify(String path, String hunk) {
        return "diff --git a/" + path + " b/" + path + "\nindex " + BLOB + ".." + BLOB.replace('0', '1')
                + " 100644\n--- a/" + path + "\n+++ b/" + path + "\n" + hunk;
    }

    @Test
    void shouldMapARemovalAndAReplacementToBaseLines() {
        // Given a hunk replacing lines 4-5 and one removing line 12
        String diff = modify("src/a.py", "@@ -2,5 +2,5 @@\n x\n y\n-old4\n-old5\n+new4\n+new5\n z\n"
                + "@@ -10,4 +10,3 @@\n p\n q\n-gone12\n r\n");

        // When its changed lines are read, Then each run is a base range
        assertThat(ChangedLines.of(diff)).containsOnlyKeys("src/a.py");
        assertThat(ChangedLines.of(diff).get("src/a.py"))
                .containsExactly(new LineRange(4, 5), new LineRange(12, 12));
    }

    @Test
    void shouldPlaceAPureInsertionBetweenTheTwoBaseLinesItGoesBetween() {
        // Given an insertion after line 3 (zero-length old side) and one at the top of a new file
        String inserted = modify("src/a.py", "@@ -3,0 +4,2 @@\n+one\n+two\n");
        String added = "diff --git a/new.txt b/new.txt\nnew file mode 100644\nindex " + BLOB + ".." + BLOB
                + "\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n";

        // When read, Then the insertion touches lines 3-4 and the new file lines 0-1
        assertThat(ChangedLines.of(inserted).get("src/a.py")).containsExactly(new LineRange(3, 4));
        assertThat(ChangedLines.of(added).get("new.txt")).containsExactly(new LineRange(0, 1));
    }

    @Test
    void shouldCountABinaryPatchAsTheWholeFile() {
        // Given a binary change
        String diff = "diff --git a/logo.png b/logo.png\nindex " + BLOB + ".." + BLOB
                + " 100644\nGIT binary patch\nliteral 3\nKcmZ>9\n\n";

        // When read, Then it covers the whole file
        assertThat(ChangedLines.of(diff).get("logo.png")).containsExactly(LineRange.WHOLE_FILE);
        assertThat(LineRange.WHOLE_FILE.toString()).isEqualTo("the whole file");
    }

    @Test
    void shouldFindNoOverlapForDisjointChanges() {
        // Given two lanes changing different files, and two lanes changing far-apart lines of one file
        LaneChange a = new LaneChange("a", modify("src/a.py", "@@ -1,2 +1,2 @@\n-x\n+y\n z\n"));
        LaneChange b = new LaneChange("b", modify("src/b.py", "@@ -1,2 +1,2 @@\n-x\n+y\n z\n"));
        LaneChange c = new LaneChange("c", modify("src/a.py", "@@ -20,2 +20,2 @@\n k\n-x\n+y\n"));

        // When overlap is computed, Then there is none
        assertThat(ChangeOverlap.find(List.of(a, b, c))).isEmpty();
    }

    @Test
    void shouldNameBothLanesTheFileAndTheRangesOfAnOverlap() {
        // Given lanes a and b changing lines 4-5 and line 5 of one file, and lane c elsewhere
        LaneChange a = new LaneChange("a", modify("src/a.py", "@@ -3,3 +3,3 @@\n x\n-4\n-5\n+four\n+five\n"));
        LaneChange b = new LaneChange("b", modify("src/a.py", "@@ -4,2 +4,2 @@\n 4\n-5\n+FIVE\n"));
        LaneChange c = new LaneChange("c", modify("src/c.py", "@@ -4,2 +4,2 @@\n 4\n-5\n+FIVE\n"));

        // When overlap is computed
        List<Overlap> overlaps = ChangeOverlap.find(List.of(a, b, c));

        // Then one overlap, in plan order, described with lanes, file and lines
        assertThat(overlaps).containsExactly(new Overlap("src/a.py", "a", new LineRange(4, 5), "b",
                new LineRange(5, 5)));
        assertThat(overlaps.get(0).describe())
                .isEqualTo("lanes a and b both change src/a.py (a: lines 4-5, b: line 5)");
    }

    @Test
    void shouldTreatAdjacentLinesAsOverlapping() {
        // Given lane a changing line 5 and lane b changing line 6
        LaneChange a = new LaneChange("a", modify("f", "@@ -5,1 +5,1 @@\n-5\n+five\n"));
        LaneChange b = new LaneChange("b", modify("f", "@@ -6,1 +6,1 @@\n-6\n+six\n"));
        LaneChange far = new LaneChange("far", modify("f", "@@ -8,1 +8,1 @@\n-8\n+eight\n"));

        // When overlap is computed, Then a and b overlap (a line merge would conflict), far does not
        assertThat(ChangeOverlap.find(List.of(a, b, far))).extracting(Overlap::secondLane).containsExactly("b");
    }
}
