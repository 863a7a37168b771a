package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

    @Test
    void shouldPlaceAnErrorAtTheLineOfItsKey() {
        // Given
        YamlDocument document = YamlDocument.parse("""
                a:
                  b:
                    - x
                    - y
                  c: 1
                """);

        // When
        document.reject("a.b[1]", "bad element");
        document.reject("a.c", "bad value");
        document.reject("a.missing", "required");

        // Then
        assertThat(document.errors()).containsExactly(
                new ConfigError("a.b[1]", 4, "bad element"),
                new ConfigError("a.c", 5, "bad value"),
                new ConfigError("a.missing", 1, "required"));
    }

    @Test
    void shouldRejectDuplicateKeys() {
        // When
        YamlDocument document = YamlDocument.parse("""
                a: 1
                b: 2
                a: 3
                """);

        // Then
        assertThat(document.errors()).containsExactly(new ConfigError("a", 3, "duplicate key"));
    }

    @Test
    void shouldReportASyntaxErrorWithItsLine() {
        // When
        List<ConfigError> errors = YamlDocument.parse("a: 1\nb: [unclosed\n").errors();

        // Then
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("invalid YAML:");
            assertThat(error.line()).isPositive();
        });
    }

    @Test
    void shouldRejectDocumentsThatAreEmptyOrNotMappingsOrMany() {
        // When
        YamlDocument empty = YamlDocument.parse("");
        YamlDocument list = YamlDocument.parse("- a\n- b\n");
        YamlDocument two = YamlDocument.parse("a: 1\n---\nb: 2\n");

        // Then
        assertThat(empty.root()).isEmpty();
        assertThat(empty.errors()).extracting(ConfigError::message).containsExactly("the document is empty");
        assertThat(list.root()).isEmpty();
        assertThat(list.errors()).extracting(ConfigError::message).containsExactly("the document must be a mapping");
        assertThat(two.errors()).extracting(ConfigError::message).containsExactly("only one YAML document is allowed");
    }

    @Test
    void shouldRefuseAnAliasWithItsLineInsteadOfReadingTheAnchorName() {
        // Given a goal anchored and an objective that is an alias of it
        YamlDocument document = YamlDocument.parse("""
                goal: &g Write the brief
                lanes:
                  - objective: *g
                """);
        // Then the alias is refused at its line: it is never the string "g"
        assertThat(document.errors()).containsExactly(
                new ConfigError("lanes[0].objective", 3, "YAML alias *g is not supported: write the value out"));
    }

    @Test
    void shouldRefuseAMergeKeyOfAnAnchoredMapping() {
        YamlDocument document = YamlDocument.parse("""
                base: &b
                  role: writer
                lane:
                  <<: *b
                """);

        assertThat(document.errors()).extracting(ConfigError::message).containsExactly(
                "YAML alias *b is not supported: write the value out");
    }
}
