package dev.swarmboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image cannot be built on this machine (no Docker engine), so its Dockerfile is read instruction by instruction. */
class DockerfileTest {

    /** One instruction: its keyword and its arguments, continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    private final List<List<Instruction>> stages = stages(Path.of("Dockerfile"));

    @Test
    void shouldBuildWithTheWrapperInAStageOfItsOwn() {
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).get(0).arguments()).matches("eclipse-temurin:17-jdk AS build");
        assertThat(arguments(stages.get(0), "RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw -B -DskipTests package"));
        assertThat(stages.get(1).get(0).arguments()).startsWith("eclipse-temurin:17-jre");
        assertThat(arguments(stages.get(1), "COPY")).contains(
                "--from=build --chown=swarm:swarm /src/cli/target/swarm.jar /opt/swarm/swarm.jar");
    }

    @Test
    void shouldRunAsANonRootUserWhoOwnsItsDirectories() {
        List<Instruction> runtime = stages.get(1);
        String user = arguments(runtime, "USER").get(arguments(runtime, "USER").size() - 1);
        assertThat(user).isEqualTo("10001:10001");
        String setup = String.join("\n", arguments(runtime, "RUN"));
        assertThat(setup).contains("useradd --system --uid 10001 --gid swarm")
                .contains("mkdir -p /opt/swarm/data /opt/swarm/reports")
                .contains("chown -R swarm:swarm /opt/swarm");
        // Nothing runs as root after the switch to the service user.
        int switched = runtime.indexOf(runtime.stream().filter(i -> i.keyword().equals("USER")).findFirst().orElseThrow());
        assertThat(runtime.subList(switched, runtime.size())).noneMatch(i -> i.keyword().equals("RUN"));
        assertThat(arguments(runtime, "WORKDIR")).containsExactly("/opt/swarm");
        assertThat(arguments(runtime, "ENV").get(0)).contains("SWARM_VERIFIER_STATE_DIR=/opt/swarm/data/verifier")
                .contains("SWARM_DIGEST_OUT=/opt/swarm/reports");
    }

    @Test
    void shouldCheckHealthOnTheServicesHealthPort() {
        List<Instruction> runtime = stages.get(1);
        assertThat(arguments(runtime, "ENV").get(0)).contains("SWARM_HEALTH_PORT=8080");
        assertThat(arguments(runtime, "HEALTHCHECK")).singleElement().asString()
                .contains("CMD curl -fsS \"http://127.0.0.1:${SWARM_HEALTH_PORT}/healthy\"");
        assertThat(String.join(" ", arguments(runtime, "RUN"))).contains("install -y --no-install-recommends git curl");
    }

    @Test
    void shouldSizeTheHeapFromTheContainerAndExitOnOutOfMemory() {
        assertThat(arguments(stages.get(1), "ENTRYPOINT")).singleElement().asString()
                .startsWith("[\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\"")
                .endsWith("\"-jar\", \"/opt/swarm/swarm.jar\"]");
    }

    @Test
    void shouldKeepBuildOutputAndHistoryOutOfTheContext() throws Exception {
        List<String> ignored = Files.readAllLines(Path.of("..", ".dockerignore"));
        assertThat(ignored).contains("**/target/", ".git/", "data/", "reports/");
    }

    private static List<String> arguments(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private static final Pattern INSTRUCTION = Pattern.compile("([A-Z]+)\\s+(.*)", Pattern.DOTALL);

    private static List<List<Instruction>> stages(Path dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                pending.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1).strip() + " " : trimmed);
                if (!trimmed.endsWith("\\")) {
                    Matcher matcher = INSTRUCTION.matcher(pending.toString().strip());
                    assertThat(matcher.matches()).as("instruction " + pending).isTrue();
                    Instruction instruction = new Instruction(matcher.group(1), matcher.group(2).strip());
                    if (instruction.keyword().equals("FROM")) {
                        stages.add(new ArrayList<>());
                    }
                    assertThat(stages).as("instruction before FROM: " + pending).isNotEmpty();
                    stages.get(stages.size() - 1).add(instruction);
                    pending.setLength(0);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return stages;
    }
}
