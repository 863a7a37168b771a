package dev.swarmboard.cli;

import dev.swarmboard.cli.chaos.ChaosRun;
import dev.swarmboard.cli.chaos.ChaosSettings;
import dev.swarmboard.schema.command.SubmitMission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarm chaos}: a real broker and every service as its own JVM, copies of a mission submitted
 * while services are SIGKILLed, a lane worker is frozen past its lock, the broker goes down and poison
 * lands on every input topic; then the guarantees are checked and printed. Exit 0 when all hold.
 */
@Command(name = "chaos", description = "Run missions under faults on an embedded broker and check every guarantee.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:CHAOS OK: every check holds", "1:error (the broker or a service could not start …)",
                "2:usage", "3:CHAOS FAILED: the summary names each check that does not hold"})
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--missions", defaultValue = "34", description = "Copies of the mission to submit (default 34: 102 lanes of the demo mission).")
    int missions;

    @Option(names = "--mission", paramLabel = "FILE", defaultValue = "examples/missions/demo.yaml", description = "Mission file copied (default ${DEFAULT-VALUE}).")
    Path mission;

    @Option(names = "--capabilities", paramLabel = "FILE", defaultValue = "examples/capabilities/offline.yaml", description = "Capability registry (default ${DEFAULT-VALUE}).")
    Path capabilities;

    @Option(names = "--workers", defaultValue = "3", description = "Lane-worker JVMs (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--concurrency", defaultValue = "4", description = "Lanes each worker runs at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--nodes", defaultValue = "1", description = "Broker nodes: 1 or 3 (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--worker-kills", defaultValue = "6", description = "SIGKILLs of lane workers (default ${DEFAULT-VALUE}).")
    int workerKills;

    @Option(names = "--broker-outage", defaultValue = "PT25S", description = "How long the broker is down; PT0S skips the outage (default ${DEFAULT-VALUE}).")
    Duration brokerOutage;

    @Option(names = "--lock", defaultValue = "PT15S", description = "The lane share group's record lock; the frozen worker sleeps 10 s past it (default ${DEFAULT-VALUE}).")
    Duration lock;

    @Option(names = "--pause", defaultValue = "PT5S", description = "Pause between faults (default ${DEFAULT-VALUE}).")
    Duration pause;

    @Option(names = "--deadline", defaultValue = "PT20M", description = "The whole run ends within this (default ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/chaos", description = "Broker data, service logs, reports (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--topic-prefix", defaultValue = "swarm.", description = "Topic prefix (default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(dataDir.resolve("kafka"))) {
            throw new UsageException(dataDir + " holds an earlier run; give a new --data-dir");
        }
        SubmitMission template = MissionCommand.validate(mission, capabilities, null);
        ChaosSettings settings;
        try {
            settings = new ChaosSettings(template, missions, workers, concurrency, nodes, workerKills, brokerOutage, lock,
                    pause, deadline, dataDir.toAbsolutePath(), capabilities.toAbsolutePath(), topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new ChaosRun(settings, System.out).run();
    }
}
