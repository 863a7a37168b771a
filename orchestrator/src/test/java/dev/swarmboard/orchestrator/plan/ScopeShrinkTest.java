package dev.swarmboard.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeShrinkTest {

    @Test
    void shouldKeepTheEntriesTheFailingReasonsName() {
        List<String> scope = List.of("docs/", "examples/", "src/");

        assertThat(ScopeShrink.shrink(scope, List.of("disruptor: examples/ conflicts with lane b")))
                .containsExactly("examples/");
    }

    @Test
    void shouldKeepTheFirstHalfWhenTheReasonsNameNoneOrAll() {
        List<String> scope = List.of("a", "b", "c");

        assertThat(ScopeShrink.shrink(scope, List.of("placeholder_scan failed"))).containsExactly("a", "b");
        assertThat(ScopeShrink.shrink(List.of("x/", "y/"), List.of("x/ and y/ disagree"))).containsExactly("x/");
    }

    @Test
    void shouldMatchWholePathsOnly() {
        assertThat(ScopeShrink.names("docs/guide.md has a TODO", "docs/")).isTrue();
        assertThat(ScopeShrink.names("see mydocs/ and docs-old", "docs/")).isFalse();
        assertThat(ScopeShrink.names("placeholder_scan failed", "a")).isFalse();
    }

    @Test
    void shouldNeverShrinkToNothing() {
        assertThat(ScopeShrink.shrink(List.of("only/"), List.of("whatever"))).containsExactly("only/");
        assertThat(ScopeShrink.shrink(List.of(), List.of("whatever"))).isEmpty();
    }
}
