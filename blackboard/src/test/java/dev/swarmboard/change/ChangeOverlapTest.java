package dev.swarmboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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

    @Test
    void shouldNotCountALaneBuildingOnItsPredecessorAsAnOverlap() {
        // Given b after a and c after b, all changing the same lines of one file (each on the other's tree)
        String hunk = "@@ -4,2 +4,2 @@\n 4\n-5\n+FIVE\n";
        LaneChange a = new LaneChange("a", modify("f", hunk), "base", Set.of());
        LaneChange b = new LaneChange("b", modify("f", hunk), "tree-a", Set.of("a"));
        LaneChange c = new LaneChange("c", modify("f", hunk), "tree-b", Set.of("a", "b"));

        // When overlap is computed, Then a sequence is no conflict
        assertThat(ChangeOverlap.find(List.of(a, b, c))).isEmpty();
    }

    @Test
    void shouldStillCountIndependentLanesOfASequencedPlan() {
        // Given b after a, and d (independent) changing b's lines from the base, e (independent) a far line
        LaneChange a = new LaneChange("a", modify("g", "@@ -1,1 +1,1 @@\n-1\n+one\n"), "base", Set.of());
        LaneChange b = new LaneChange("b", modify("f", "@@ -4,2 +4,2 @@\n 4\n-5\n+FIVE\n"), "tree-a", Set.of("a"));
        LaneChange d = new LaneChange("d", modify("f", "@@ -4,2 +4,2 @@\n 4\n-5\n+five\n"), "base", Set.of());
        LaneChange e = new LaneChange("e", modify("g", "@@ -40,1 +40,1 @@\n-40\n+forty\n"), "base", Set.of());

        // When overlap is computed
        List<Overlap> overlaps = ChangeOverlap.find(List.of(a, b, d, e));

        // Then b and d conflict on f (different start trees: compared by file), a and e do not (same start, far lines)
        assertThat(overlaps).extracting(Overlap::path, Overlap::firstLane, Overlap::secondLane)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f", "b", "d"));
        assertThat(overlaps.get(0).firstLines()).isEqualTo(LineRange.WHOLE_FILE);
    }

    @Test
    void shouldListEveryTransitivePredecessorInPlanOrder() {
        // Given a diamond a → b, a → c, d after c and b, and e alone
        List<dev.swarmboard.schema.PlannedLane> plan = List.of(planned("a"), planned("b", "a"), planned("c", "a"),
                planned("d", "c", "b"), planned("e"));

        // When the ancestry is computed, Then d builds on a, b and c in plan order, e on nothing
        java.util.Map<String, Set<String>> ancestry = LaneAncestry.of(plan);
        assertThat(ancestry.get("d")).containsExactly("a", "b", "c");
        assertThat(ancestry.get("b")).containsExactly("a");
        assertThat(ancestry.get("e")).isEmpty();
    }

    private static dev.swarmboard.schema.PlannedLane planned(String id, String... after) {
        return dev.swarmboard.schema.PlannedLane.newBuilder().setLaneId(id).setObjective("o").setRole("r")
                .setAfter(List.of(after)).build();
    }
}
