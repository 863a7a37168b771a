package dev.swarmboard.cli;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.cli.view.EventLine;
import dev.swarmboard.cli.view.MissionText;
import dev.swarmboard.console.view.MissionTimeline;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.orchestrator.mission.MissionFile;
import dev.swarmboard.orchestrator.mission.MissionFiles;
import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.orchestrator.mission.MissionWatch;
import dev.swarmboard.orchestrator.sequence.LaneGraph;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import dev.swarmboard.orchestrator.service.OrchestratorConfig;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Submitting a mission and following it: local fail-closed validation first (exit 2 with every
 * reason), then the SubmitMission command, then, if asked, the mission's events until its outcome.
 */
final class MissionCommand {

    private MissionCommand() {
    }

    /** Validates the file against the registry and workflows; the submission, or a UsageException with every reason. */
    static SubmitMission validate(Path file, Path capabilities, Path workflows) {
        return validate(file, validator(capabilities, workflows));
    }

    static MissionValidator validator(Path capabilities, Path workflows) {
        return new MissionValidator(CapabilityRegistry.load(capabilities),
                workflows == null ? WorkflowCatalogue.builtIn() : WorkflowCatalogue.load(workflows),
                TokenDefaults.fromEnvironment(System.getenv()));
    }

    /** Validates the file with this validator; the submission, or a UsageException with every reason. */
    static SubmitMission validate(Path file, MissionValidator validator) {
        MissionFile checked = MissionFiles.check(file, validator, Instant.now());
        if (!checked.valid()) {
            throw new UsageException(file + " is not a valid mission: " + Reasons.render(checked.reasons()));
        }
        checked.notes().forEach(note -> System.err.println("note: " + ShownText.terminal(note.getCode() + " "
                + note.getField() + ": " + note.getMessage())));
        LaneGraph graph = LaneGraph.of(checked.submission().orElseThrow().getMission().getLanes());
        if (graph.sequenced()) {
            System.err.println("lane order: " + ShownText.terminal(graph.describeOrder()));
        }
        return checked.submission().orElseThrow();
    }

    /** Publishes the submission; returns the status to follow it with. */
    static MissionStatus submit(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs,
                                SubmitMission submission) {
        return submit(client, catalogue, codecs, submission, System.getenv());
    }

    /** Submits with tracing as the {@code OTEL_*} variables of {@code env} configure it: the root of the mission's trace. */
    static MissionStatus submit(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs,
                                SubmitMission submission, Map<String, String> env) {
        try (Tracing tracing = Tracing.forService("cli", env);
             MissionCommands commands = MissionCommands.create(client, catalogue, codecs, issuer(), tracing)) {
            MissionCommands.Sent sent = commands.submit(submission);
            return MissionStatus.follow(sent.commandId(), MissionHash.of(submission.getMission()));
        }
    }

    /**
     * Follows the mission, printing each event and, when it changed, a progress line (lanes done of
     * total, each running lane's stage, tokens and USD so far), until it finishes; a {@link MissionTimeout}
     * when the timeout passes first.
     */
    static MissionStatus follow(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs, String missionId,
                                MissionStatus status, Duration timeout, PrintStream out) {
        return follow(client, catalogue, codecs, missionId, status, timeout, out, FactVerifier.unauthenticated());
    }

    /** As above, counting only the facts {@code verifier} accepts. */
    static MissionStatus follow(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs, String missionId,
                                MissionStatus status, Duration timeout, PrintStream out, FactVerifier verifier) {
        MissionTimeline timeline = new MissionTimeline(missionId);
        String[] shown = {""};
        MissionStatus end = MissionWatch.await(client, catalogue, codecs, missionId, status, timeout, event -> {
            out.println("  " + EventLine.render(event));
            timeline.apply(event);
            String progress = MissionText.progress(timeline.view());
            if (!progress.equals(shown[0])) {
                out.println(progress);
                shown[0] = progress;
            }
        }, verifier);
        if (!end.finished()) {
            throw new MissionTimeout("mission " + missionId + " did not finish within " + timeout.toSeconds()
                    + " s (now " + end.stage() + "); it goes on: swarm show " + missionId);
        }
        return end;
    }

    static Path defaultCapabilities() {
        return Path.of(OrchestratorConfig.CAPABILITIES.resolve(System.getenv()));
    }

    static String issuer() {
        return System.getProperty("user.name", "unknown") + "@swarm-cli";
    }
}
