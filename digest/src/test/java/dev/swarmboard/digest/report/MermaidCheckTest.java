package dev.swarmboard.digest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidCheckTest {

    @Test
    void shouldAcceptNodesAndEdgesOfTheDialect() {
        String diagram = "flowchart TD\n  a[\"Mission m-1\"]\n  b_2[\"a attempt 2: PASS (3 of 3)\"]\n  a --> b_2\n";

        assertThat(MermaidCheck.check(diagram)).isEmpty();
    }

    @Test
    void shouldNameEveryProblemWithItsLine() {
        String diagram = "graph LR\n  a[\"say \"hi\"\"]\n  end[\"x\"]\n  a --> zz\n  a -- text --> end\n";

        assertThat(MermaidCheck.check(diagram)).containsExactly(
                "line 1: expected 'flowchart TD'",
                "line 2: neither a node id[\"label\"] nor an edge a --> b: a[\"say \"hi\"\"]",
                "line 3: 'end' is a Mermaid keyword, not a node id",
                "line 5: neither a node id[\"label\"] nor an edge a --> b: a -- text --> end",
                "line 4: edge names undeclared node a",
                "line 4: edge names undeclared node zz");
    }

    @Test
    void shouldMakeAnyTextASafeLabel() {
        String label = MermaidCheck.safeLabel("lane \"x\" <b>|#;{}[]");

        assertThat(label).isEqualTo("lane _x_ _b________");
        assertThat(MermaidCheck.check("flowchart TD\n  n[\"" + label + "\"]\n")).isEmpty();
    }
}
