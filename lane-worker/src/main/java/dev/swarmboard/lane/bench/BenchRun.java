package dev.swarmboard.lane.bench;

import dev.swarmboard.lane.consume.ShareGroupSetup;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One benchmark scenario: fresh topics (a one-partition task topic), {@code workers} lane-worker JVMs
 * sharing one group, a warm-up round of one lane per slot, then {@code lanes} PREY lanes in missions of
 * ten, timed from the first task written to the last yield read.
 */
final class BenchRun {

    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(3);
    private static final int LANES_PER_MISSION = 10;

    private final LaneBench.Settings settings;
    private final Map<String, Object> client;
    private final Codecs codecs = Codecs.create();

    BenchRun(LaneBench.Settings settings, Map<String, Object> client) {
        this.settings = settings;
        this.client = client;
    }

    /** The measured figures of one run. */
    record Result(int workers, int lanes, double seconds, List<Long> receiptLagMs) {

        double lanesPerSecond() {
            return lanes / seconds;
        }
    }

    Result run(int workers, Path dir) throws IOException, InterruptedException {
        String prefix = "bench-" + workers + "w-" + System.currentTimeMillis() + ".";
        TopicCatalogue catalogue = new TopicCatalogue(prefix, 1, 1, 6, null);
        List<Process> processes = new ArrayList<>();
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin).provision(catalogue);
            Path registry = ScriptedRegistry.write(dir.resolve("registry"), settings.latencyMs());
            for (int i = 0; i < workers; i++) {
                processes.add(WorkerProcess.start(environment(catalogue, registry, "bench-" + i, dir),
                        dir.resolve("bench-" + i + ".log")));
            }
            awaitMembers(admin, catalogue.clients().laneWorkerShareGroup(), workers * settings.concurrency());
            try (ReceiptTail tail = new ReceiptTail(client, catalogue.blackboard(), codecs.events().codec())) {
                int warmUp = workers * settings.concurrency();
                submit(catalogue, "warm-up", warmUp);
                awaitYields(tail, warmUp);
                tail.reset();
                long start = System.currentTimeMillis();
                submit(catalogue, "mission", settings.lanes());
                awaitYields(tail, settings.lanes());
                return new Result(workers, settings.lanes(), (tail.lastYieldAtMs() - start) / 1000.0,
                        tail.receiptLagMs());
            }
        } finally {
            for (Process process : processes) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private Map<String, String> environment(TopicCatalogue catalogue, Path registry, String instance, Path dir) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", settings.bootstrap(),
                "SWARM_TOPIC_PREFIX", catalogue.prefix(),
                "SWARM_INSTANCE_ID", instance,
                "SWARM_CAPABILITIES", registry.toString(),
                "SWARM_LANE_CONCURRENCY", Integer.toString(settings.concurrency()),
                "SWARM_LANE_WORKSPACE", dir.resolve("workspace").toString());
    }

    private static void awaitYields(ReceiptTail tail, int lanes) {
        if (!tail.awaitYields(lanes, Duration.ofMinutes(10))) {
            throw new IllegalStateException("not every lane yielded within 10 minutes");
        }
    }

    private void submit(TopicCatalogue catalogue, String missionPrefix, int lanes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(client),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < lanes; i++) {
                RunLane task = task(missionPrefix + "-" + i / LANES_PER_MISSION, "lane-" + i % LANES_PER_MISSION);
                producer.send(new ProducerRecord<>(catalogue.laneTasks(), task.getTaskId(),
                        codecs.laneTasks().codec().encode(task)));
            }
        }
    }

    private static RunLane task(String missionId, String laneId) {
        PlannedLane lane = PlannedLane.newBuilder().setLaneId(laneId).setObjective("benchmark lane").setRole("bench")
                .setScope(List.of("src")).setTools(List.of()).setStages(List.of())
                .setRequiredArtifacts(List.of()).build();
        return RunLane.newBuilder().setTaskId(missionId + "/" + laneId + "/1").setMissionId(missionId)
                .setPlanId("bench").setAttempt(1).setGoal("Measure lane throughput").setLane(lane)
                .setScope(lane.getScope()).setIssuedAt(Instant.now()).build();
    }

    private static void awaitMembers(Admin admin, String group, int members) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        int assigned;
        while ((assigned = ShareGroupSetup.assignedMembers(admin, group)) < members) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " has " + assigned + " members with the task partition "
                        + "assigned after " + JOIN_TIMEOUT.toSeconds() + " s, not " + members);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }
}
