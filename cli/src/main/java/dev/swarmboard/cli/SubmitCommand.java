package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarm submit FILE}: validate against the registry and workflows the orchestrator published
 * (or local files, see {@link RegistryChoice}), publish, print the mission id, optionally wait.
 */
@Command(name = "submit", description = "Validate a mission file, submit it and print its id. With --wait: progress lines, then "
        + "exit 0 on a published digest, 1 on failure or cancellation, 2 on rejection, 4 when --timeout passes first.")
final class SubmitCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(index = "0", paramLabel = "FILE", description = "Mission file (YAML or JSON).")
    Path file;

    @Option(names = "--capabilities", paramLabel = "FILE", description = "Registry to validate against (default: the one "
            + "the orchestrator published, else $SWARM_CAPABILITIES); refused when it differs from the published one.")
    Path capabilities;

    @Option(names = "--workflows", paramLabel = "DIR", description = "Workflow directory (default: the published "
            + "workflows, else built-in prey only); refused when it differs from the published ones.")
    Path workflows;

    @Option(names = "--wait", description = "Follow the mission until its outcome.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "S", description = "Seconds --wait waits (default ${DEFAULT-VALUE}); then exit 4, the mission goes on.")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (capabilities != null) {
            // A local registry given: refuse what it refuses before any Kafka call (offline use).
            MissionCommand.validate(file, capabilities, workflows);
        }
        Map<String, Object> client = kafka.clientProperties();
        TopicCatalogue catalogue = kafka.common().catalogue();
        SubmitMission submission = MissionCommand.validate(file, RegistryChoice.validator(
                RegistryChoice.read(client, catalogue), capabilities, workflows, catalogue.registry(), System.err));
        Codecs codecs = BlackboardSetup.prepare(client, catalogue);
        MissionStatus status = MissionCommand.submit(client, catalogue, codecs, submission);
        String missionId = submission.getMission().getMissionId();
        System.out.println(missionId);
        if (!await) {
            return 0;
        }
        MissionStatus end = MissionCommand.follow(client, catalogue, codecs, missionId, status,
                Duration.ofSeconds(timeoutSeconds), System.err, kafka.common().signing().verifier());
        System.out.println(end.stage() + ": " + ShownText.terminal(end.summary()));
        return end.exitCode();
    }
}
