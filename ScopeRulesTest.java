package dev.swarmboard.orchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.orchestrator.validation.ScopeRules.Containment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {

    private static final List<String> MISSION = List.of("docs/", "src/main");

    @Test
    void shouldPlaceEntriesAtOrBelowAMissionEntryInside() {
        assertThat(ScopeRules.check(MISSION, "docs")).isEqualTo(Containment.INSIDE);
        assertThat(ScopeRules.check(MISSION, "./docs/guide.md")).isEqualTo(Containment.INSIDE);
        assertThat(ScopeRules.check(MISSION, "src/main/java/")).isEqualTo(Containment.INSIDE);
    }

    @Test
    void shouldCompareWholeSegmentsNotCharacters() {
        assertThat(ScopeRules.check(MISSION, "docs-old/x")).isEqualTo(Containment.OUTSIDE);
        assertThat(ScopeRules.check(MISSION, "src")).isEqualTo(Containment.OUTSIDE);
    }

    @Test
    void shouldTreatClimbingAndAbsolutePathsAsOutsideEvenWithoutAMissionScope() {
        assertThat(ScopeRules.check(List.of(), "docs/../../etc")).isEqualTo(Containment.OUTSIDE);
        assertThat(ScopeRules.check(List.of(), "/etc/passwd")).isEqualTo(Containment.OUTSIDE);
        assertThat(ScopeRules.check(List.of(), "anything/else")).isEqualTo(Containment.INSIDE);
    }

    @Test
    void shouldCallGlobsUndecidable() {
        assertThat(ScopeRules.check(MISSION, "docs/*.md")).isEqualTo(Containment.UNDECIDABLE);
        assertThat(ScopeRules.check(List.of("src/{a,b}"), "src/a")).isEqualTo(Containment.UNDECIDABLE);
    }
}
