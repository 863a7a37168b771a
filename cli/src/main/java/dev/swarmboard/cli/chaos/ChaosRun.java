package dev.swarmboard.cli.chaos;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.digest.service.DigestConfig;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.orchestrator.service.OrchestratorConfig;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.service.VerifierConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * One chaos run: an embedded broker, every service as its own supervised JVM, the missions submitted in
 * waves between faults (SIGKILLs, a SIGSTOP past the share lock, a broker outage, poison on every input
 * topic), then the checks of {@link ChaosChecks}. Every child is killed when the run ends, however it ends.
 */
public final class ChaosRun {

    /** Exit code when a check does not hold. */
    public static final int CHECK_FAILED = 3;
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration CHECK_RESERVE = Duration.ofSeconds(90);

    private final ChaosSettings settings;
    private final PrintStream out;
    private final TopicCatalogue catalogue;
    private final Instant started = Instant.now();
    private final Instant deadline;
    private final List<String> missions = new ArrayList<>();
    private LocalKafka kafka;
    private LocalKafkaConfig kafkaConfig;
    private Map<String, Object> client;

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.catalogue = TopicCatalogue.withPrefix(settings.topicPrefix());
        this.deadline = started.plus(settings.deadline());
    }

    /** Runs it; 0 when every check holds, {@link #CHECK_FAILED} otherwise. */
    public int run() throws Exception {
        ServiceFleet fleet = new ServiceFleet(settings.dataDir().resolve("logs"));
        Thread hook = new Thread(() -> stopAll(fleet), "swarm-chaos-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            startBroker();
            startServices(fleet);
            if (!fleet.awaitReady(deadline.minus(CHECK_RESERVE))) {
                throw new IllegalStateException("services not ready before the deadline: " + fleet.health());
            }
            say("every service ready");
            List<Fault> faults = Fault.schedule(settings, fleet.named("lane-worker"));
            int batches = faults.size() + 1;
            submit(0, batches);
            List<PoisonRecords.Sent> poison = PoisonRecords.send(client, catalogue, "chaos-1");
            say("poison: " + poison.size() + " records on " + catalogue.missions() + ", " + catalogue.laneTasks()
                    + ", " + catalogue.blackboard());
            for (int i = 0; i < faults.size() && beforeDeadline(); i++) {
                Thread.sleep(settings.pause().toMillis());
                submit(i + 1, batches);
                Fault fault = faults.get(i);
                say("fault: " + fault.describe());
                fault.inject(fleet, this);
            }
            say("faults done; waiting for " + missions.size() + " missions to end");
            awaitTerminal();
            List<ChaosChecks.Check> checks = ChaosChecks.run(client, catalogue, missions, poison);
            printSummary(fleet, checks);
            List<String> failed = checks.stream().filter(check -> !check.holds()).map(ChaosChecks.Check::name).toList();
            out.println(failed.isEmpty() ? "CHAOS OK: every check holds" : "CHAOS FAILED: " + String.join("; ", failed));
            return failed.isEmpty() ? 0 : CHECK_FAILED;
        } finally {
            stopAll(fleet);
            removeHook(hook);
        }
    }

    private void startBroker() throws IOException {
        // A configured port gives node i the port + i, the same after the outage's restart.
        kafkaConfig = LocalKafkaConfig.defaults().withDataDir(settings.dataDir().resolve("kafka"))
                .withNodes(settings.nodes()).withPort(freePortRun(settings.nodes()));
        kafka = new LocalKafka(kafkaConfig).start();
        client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        BlackboardSetup.provision(client, catalogue);
        say("broker " + kafka.bootstrapServers() + " (" + settings.nodes() + " node(s)), data in " + kafka.dataDir());
    }

    /** Stops the broker for {@code outage}, then starts it again on the same data directory and port. */
    void brokerOutage(Duration outage) throws InterruptedException {
        kafka.stop();
        say("broker stopped; down for " + outage.toSeconds() + " s");
        Thread.sleep(outage.toMillis());
        kafka = new LocalKafka(kafkaConfig).start();
        say("broker back at " + kafka.bootstrapServers());
    }

    /** Stops one node of a three-node cluster for {@code down} while the other two serve, then starts it again. */
    void bounceNode(int node, Duration down) throws InterruptedException {
        kafka.stopNode(node);
        say("broker node " + node + " stopped; the other nodes serve for " + down.toSeconds() + " s");
        Thread.sleep(down.toMillis());
        kafka.startNode(node);
        say("broker node " + node + " back");
    }

    private void startServices(ServiceFleet fleet) throws Exception {
        String group = catalogue.clients().laneWorkerShareGroup();
        try (Admin admin = Admin.create(client)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            AlterConfigOp lock = new AlterConfigOp(new ConfigEntry("share.record.lock.duration.ms",
                    Long.toString(settings.lock().toMillis())), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(lock))).all().get();
        }
        Map<String, String> env = new HashMap<>();
        env.put(CommonConfig.BOOTSTRAP.env(), kafka.bootstrapServers());
        env.put(CommonConfig.TOPIC_PREFIX.env(), catalogue.prefix());
        env.put(OrchestratorConfig.CAPABILITIES.env(), settings.capabilities().toString());
        env.put(LaneWorkerConfig.CAPABILITIES.env(), settings.capabilities().toString());
        env.put(LaneWorkerConfig.CONCURRENCY.env(), Integer.toString(settings.concurrency()));
        env.put(DigestConfig.OUTPUT_DIR.env(), settings.dataDir().resolve("reports").toString());
        env.put(VerifierConfig.STATE_DIR.env(), settings.dataDir().resolve("verifier-state").toString());
        fleet.start("verifier", "verifier", env);
        fleet.start("digest", "digest", env);
        fleet.start("orchestrator", "orchestrator", env);
        for (int i = 1; i <= settings.laneWorkers(); i++) {
            Map<String, String> worker = new HashMap<>(env);
            worker.put(LaneWorkerConfig.WORKSPACE.env(), settings.dataDir().resolve("ws-" + i).toString());
            fleet.start("lane-worker-" + i, "lane-worker", worker);
        }
        say("started verifier, digest, orchestrator and " + settings.laneWorkers() + " lane workers (logs in "
                + settings.dataDir().resolve("logs") + ")");
    }

    /** Submits batch {@code index} of {@code batches}: the missions chaos-(first..last). */
    private void submit(int index, int batches) {
        int first = index * settings.missions() / batches;
        int last = (index + 1) * settings.missions() / batches;
        try (MissionCommands commands = MissionCommands.create(client, catalogue, Codecs.create(), "swarm-chaos")) {
            for (int i = first; i < last; i++) {
                SubmitMission submission = SubmitMission.newBuilder(settings.template()).build();
                String id = "chaos-" + (i + 1);
                submission.getMission().setMissionId(id);
                commands.submit(submission);
                missions.add(id);
            }
        }
        if (last > first) {
            say("submitted chaos-" + (first + 1) + " .. chaos-" + last);
        }
    }

    private void awaitTerminal() throws InterruptedException {
        Instant until = deadline.minus(CHECK_RESERVE);
        while (Instant.now().isBefore(until)) {
            Map<String, MissionFigures> figures = ChaosChecks.figures(client, catalogue, missions);
            long running = figures.values().stream().filter(f -> !f.terminal()).count();
            if (running == 0) {
                say("every mission ended");
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        say("deadline: checking with missions still running");
    }

    private boolean beforeDeadline() {
        return Instant.now().isBefore(deadline.minus(CHECK_RESERVE));
    }

    private void printSummary(ServiceFleet fleet, List<ChaosChecks.Check> checks) {
        out.println();
        out.println("chaos run: " + missions.size() + " missions, " + settings.laneWorkers() + " lane workers, "
                + settings.nodes() + " broker node(s), " + Duration.between(started, Instant.now()).toSeconds() + " s");
        out.println("services at the end:");
        fleet.health().forEach((name, health) -> out.println("  " + name + ": " + health));
        List<String> exits = fleet.unexpectedExits();
        out.println("exits not caused by chaos: " + (exits.isEmpty() ? "none" : String.join("; ", exits)));
        out.println();
        ChaosChecks.print(checks, out);
    }

    void say(String line) {
        out.printf("[%4ds] %s%n", Duration.between(started, Instant.now()).toSeconds(), line);
    }

    /** The first of {@code count} consecutive free loopback ports. */
    private static int freePortRun(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0)) {
                first = probe.getLocalPort();
            }
            if (first + count <= 65535 && IntStream.range(1, count).allMatch(i -> free(first + i))) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive free ports on loopback");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook runs, and stopping twice is harmless.
            System.err.println("swarm chaos: stopping on JVM shutdown");
        }
    }

    private void stopAll(ServiceFleet fleet) {
        fleet.close();
        if (kafka != null) {
            kafka.stop();
        }
    }
}
