package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSpecReaderTest {

    private static final String MODELS = """
            models:
              gpt:
                provider: openai
            roles:
              default: gpt
            """;

    private static Parsed<CapabilityRegistry> parse(String tools) {
        return CapabilityRegistry.parse(MODELS + tools, Path.of("."));
    }

    private static List<String> errors(String tools) {
        return parse(tools).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void shouldReadAToolWithEveryField() {
        // When
        ToolSpec tool = parse("""
                tools:
                  unit-tests:
                    command: ["./mvnw", "-q", "test", "-Dtest={test}"]
                    args: { test: "[A-Za-z0-9_*#]+" }
                    working_dir: service
                    timeout_seconds: 90
                    output_cap_bytes: 1024
                    tests: true
                    env: [PATH, HOME]
                """).orThrow("test").tool("unit-tests").orElseThrow();

        // Then
        assertThat(tool.name()).isEqualTo("unit-tests");
        assertThat(tool.command()).containsExactly("./mvnw", "-q", "test", "-Dtest={test}");
        assertThat(tool.args()).containsOnlyKeys("test");
        assertThat(tool.args().get("test").pattern()).isEqualTo("[A-Za-z0-9_*#]+");
        assertThat(tool.workingDir()).isEqualTo(Path.of("service"));
        assertThat(tool.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(tool.outputCapBytes()).isEqualTo(1024);
        assertThat(tool.tests()).isTrue();
        assertThat(tool.env()).containsExactly("PATH", "HOME");
    }

    @Test
    void shouldApplyToolDefaults() {
        // When
        ToolSpec tool = parse("""
                tools:
                  green:
                    command: ["true"]
                """).orThrow("test").tool("green").orElseThrow();

        // Then
        assertThat(tool.workingDir()).isEqualTo(Path.of(""));
        assertThat(tool.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(tool.outputCapBytes()).isEqualTo(65_536);
        assertThat(tool.tests()).isFalse();
        assertThat(tool.env()).isEmpty();
        assertThat(tool.args()).isEmpty();
    }

    @Test
    void shouldRejectPlaceholdersAndRegexesThatDoNotPair() {
        // When
        List<String> errors = errors("""
                tools:
                  t:
                    command: ["{exe}", "--file={file}", "{count}"]
                    args:
                      count: "[0-9]+"
                      unused: "x"
                      exe: "[a-z]+"
                """);

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "tools.t.command[0]: the executable must be fixed, not a placeholder (line 8)",
                "tools.t.command[1]: placeholder {file} has no regex in args (line 8)",
                "tools.t.args.unused: not used by command (line 11)");
    }

    @Test
    void shouldRejectAnInvalidRegex() {
        // When
        List<String> errors = errors("""
                tools:
                  t:
                    command: ["wc", "{file}"]
                    args: { file: "[a-z" }
                """);

        // Then
        assertThat(errors).singleElement().asString().startsWith("tools.t.args.file: invalid regex:");
    }

    @Test
    void shouldRejectAWorkingDirOutsideTheWorkspace() {
        // When
        List<String> errors = errors("""
                tools:
                  up:
                    command: ["true"]
                    working_dir: a/../../b
                  absolute:
                    command: ["true"]
                    working_dir: /etc
                """);

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "tools.up.working_dir: must be a relative path inside the mission workspace (line 9)",
                "tools.absolute.working_dir: must be a relative path inside the mission workspace (line 12)");
    }

    @Test
    void shouldRejectLimitsAndNamesOutOfRange() {
        // When
        List<String> errors = errors("""
                tools:
                  t:
                    command: []
                    timeout_seconds: 0
                    output_cap_bytes: 10000000
                    env: [PATH, "BAD-NAME"]
                    shell: true
                  "bad name":
                    command: ["true"]
                """);

        // Then
        assertThat(errors).containsExactlyInAnyOrder(
                "tools.t.command: must not be empty (line 8)",
                "tools.t.timeout_seconds: must be > 0 (line 9)",
                "tools.t.output_cap_bytes: must be <= 524288 (the output travels in one Kafka record) (line 10)",
                "tools.t.env: not an environment variable name: BAD-NAME (line 11)",
                "tools.t.shell: unknown key (allowed: allow_failure, args, command, env, output_cap_bytes, tests, timeout_seconds, "
                        + "working_dir) (line 12)",
                "tools.bad name: names may use only letters, digits, '.', '_' and '-' (line 13)");
    }
}
