package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm demo}: a real broker on loopback, every service in this JVM, two example missions with
 * offline scripted models — the release brief, and one whose lanes change a fresh git copy of the
 * example project (a TDD lane red then green; a lane whose first change is rejected) — their events as
 * they happen, then each BLUF and where the report is.
 */
@Command(name = "demo", description = "Run the example mission end to end on an embedded Kafka with offline models.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "data/demo", paramLabel = "DIR",
            description = "Broker log and service state (default ${DEFAULT-VALUE}; kept, so `swarm up --data-dir` can replay it).")
    Path dataDir;

    @Option(names = "--mission", defaultValue = "examples/missions/demo.yaml", paramLabel = "FILE",
            description = "The first mission submitted (default ${DEFAULT-VALUE}).")
    Path missionFile;

    @Option(names = "--capabilities", defaultValue = "examples/capabilities/offline.yaml", paramLabel = "FILE",
            description = "Capability registry the services run with (default ${DEFAULT-VALUE}).")
    Path capabilities;

    @Option(names = "--workflows", defaultValue = "examples/workflows", paramLabel = "DIR",
            description = "Workflow directory (default ${DEFAULT-VALUE}).")
    Path workflows;

    @Option(names = "--workspace-mission", defaultValue = "examples/missions/workspace.yaml", paramLabel = "FILE",
            description = "Mission whose lanes change the example repository (default ${DEFAULT-VALUE}).")
    Path workspaceMission;

    @Option(names = "--workspace-project", defaultValue = "examples/workspaces/textkit", paramLabel = "DIR",
            description = "Project copied into the data directory as a fresh git repository (default ${DEFAULT-VALUE}).")
    Path workspaceProject;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR", description = "Where the digest is written.")
    Path reports;

    @Option(names = "--workers", defaultValue = "2", description = "Lane worker instances (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "S",
            description = "Seconds each mission may take (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Mixin
    StartupTimeoutOption startup;

    @Override
    public Integer call() throws Exception {
        return run(System.out);
    }

    private int follow(PrintStream out, Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs,
                       String missionId, MissionStatus status, FactVerifier trust) {
        out.println();
        out.println("events of " + missionId + ":");
        MissionStatus end = MissionCommand.follow(client, catalogue, codecs, missionId, status,
                Duration.ofSeconds(timeoutSeconds), out, trust);
        out.println(end.stage() + ": " + ShownText.terminal(end.summary()));
        if (end.exitCode() == 0) {
            out.println("report    " + reports.resolve(missionId + ".md").toAbsolutePath());
            DemoDelivery.print(out, client, catalogue, codecs, missionId, reports);
            out.println("replay    ./swarm up --data-dir " + dataDir + "   then   ./swarm replay " + missionId
                    + " --trust-file " + dataDir.resolve("keys").resolve(StackKeys.TRUST_FILE));
        }
        return end.exitCode();
    }

    int run(PrintStream out) throws Exception {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
        SubmitMission submission = MissionCommand.validate(missionFile, capabilities, workflows);
        String missionId = submission.getMission().getMissionId() + "-" + stamp;
        submission.getMission().setMissionId(missionId);
        Path repoMission = DemoWorkspace.prepare(workspaceProject, workspaceMission, dataDir, stamp);
        SubmitMission repoSubmission = MissionCommand.validate(repoMission, capabilities, workflows);
        String repoMissionId = repoSubmission.getMission().getMissionId() + "-" + stamp;
        repoSubmission.getMission().setMissionId(repoMissionId);
        try (LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults().withDataDir(dataDir.toAbsolutePath())
                .withStartupTimeout(startup.resolve(System.getenv()))).start()) {
            out.println("kafka     " + kafka.bootstrapServers() + " (data " + kafka.dataDir() + ")");
            StackSettings settings = new StackSettings(kafka.bootstrapServers(), dataDir.toAbsolutePath(),
                    capabilities, workflows, reports, workers);
            Map<String, String> env = settings.environment(System.getenv());
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            TopicCatalogue catalogue = TopicCatalogue.defaults();
            BlackboardSetup.provision(client, catalogue);
            Codecs codecs = BlackboardSetup.prepare(client, catalogue);
            StackKeys keys = StackKeys.ensure(dataDir.toAbsolutePath().resolve("keys"));
            try (SwarmStack stack = SwarmStack.start(env, workers, keys)) {
                out.println("services  verifier, digest, orchestrator, " + workers + " lane workers");
                out.println("signing   ON: one Ed25519 key per service, facts checked against " + keys.trustFile());
                MissionStatus status = MissionCommand.submit(client, catalogue, codecs, submission);
                out.println("mission   " + missionId + " submitted: "
                        + ShownText.terminal(submission.getMission().getGoal()));
                MissionStatus repoStatus = MissionCommand.submit(client, catalogue, codecs, repoSubmission);
                out.println("mission   " + repoMissionId + " submitted: "
                        + ShownText.terminal(repoSubmission.getMission().getGoal()));
                out.println("          on " + repoSubmission.getMission().getWorkspace().getRepo() + " at "
                        + repoSubmission.getMission().getWorkspace().getBase());
                FactVerifier trust = FactVerifier.trusting(TrustFile.load(keys.trustFile()), keys.trustFile().toString());
                int first = follow(out, client, catalogue, codecs, missionId, status, trust);
                int second = follow(out, client, catalogue, codecs, repoMissionId, repoStatus, trust);
                return Math.max(first, second);
            }
        }
    }
}
