package dev.swarmboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffstatTest {

    @Test
    void shouldCountAddedAndRemovedLinesPerFileIgnoringHeaders() {
        // Given a diff of two files, one with a removed line that starts like a header
        String diff = ChangeOverlapTest.modify("a.py", "@@ -1,2 +1,3 @@\n x\n--- not a header\n+one\n+two\n")
                + ChangeOverlapTest.modify("b.py", "@@ -4,1 +4,1 @@\n-old\n+new\n");

        // When it is counted
        Diffstat stat = Diffstat.of(diff);

        // Then per file and in total
        assertThat(stat.files()).containsExactly(new Diffstat.FileStat("a.py", 2, 1, false),
                new Diffstat.FileStat("b.py", 1, 1, false));
        assertThat(stat.render()).isEqualTo(" a.py | +2 -1\n b.py | +1 -1\n 2 files changed, 3 insertions(+), 2 deletions(-)\n");
        assertThat(Diffstat.of("").summary()).isEqualTo("0 files changed, 0 insertions(+), 0 deletions(-)");
    }
}
