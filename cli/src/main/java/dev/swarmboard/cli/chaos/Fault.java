package dev.swarmboard.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One fault of a chaos run's schedule: a SIGKILL of a service (its supervisor starts it again), a
 * SIGSTOP of a lane worker held past the share lock and then SIGCONT, a broker outage, or (three nodes) the
 * bounce of one broker node while the others serve.
 */
record Fault(String describe, Action action) {

    /** How long the bounced node stays down: long enough for clients to fail over to the other two. */
    static final Duration BOUNCE_DOWN = Duration.ofSeconds(15);

    /** What the fault does to the fleet or the broker. */
    @FunctionalInterface
    interface Action {
        void inject(ServiceFleet fleet, ChaosRun run) throws Exception;
    }

    void inject(ServiceFleet fleet, ChaosRun run) throws Exception {
        action.inject(fleet, run);
    }

    static Fault kill(String name) {
        return new Fault("SIGKILL " + name, (fleet, run) -> fleet.kill(name));
    }

    static Fault freeze(String name, Duration frozen) {
        return new Fault("SIGSTOP " + name + " for " + frozen.toSeconds() + " s, then SIGCONT", (fleet, run) -> {
            fleet.freeze(name);
            Thread.sleep(frozen.toMillis());
            fleet.resume(name);
        });
    }

    static Fault outage(Duration down) {
        return new Fault("broker outage of " + down.toSeconds() + " s", (fleet, run) -> run.brokerOutage(down));
    }

    static Fault bounce(int node, Duration down) {
        return new Fault("bounce of broker node " + node + " for " + down.toSeconds() + " s",
                (fleet, run) -> run.bounceNode(node, down));
    }

    /**
     * The schedule: lane-worker kills spread over the run (round robin over the workers), one kill each
     * of verifier, orchestrator and digest, a freeze past the lock, the outage if it is not zero, and on
     * three nodes the bounce of node 1.
     */
    static List<Fault> schedule(ChaosSettings settings, List<String> laneWorkers) {
        List<Fault> others = new ArrayList<>(List.of(kill("verifier"),
                freeze(laneWorkers.get(laneWorkers.size() - 1), settings.lock().plusSeconds(10)), kill("orchestrator")));
        if (!settings.brokerOutage().isZero()) {
            others.add(outage(settings.brokerOutage()));
        }
        if (settings.nodes() == 3) {
            others.add(bounce(1, BOUNCE_DOWN));
        }
        others.add(kill("digest"));
        List<Fault> schedule = new ArrayList<>();
        int kills = settings.workerKills();
        int slots = others.size() + 1;
        int worker = 0;
        for (int slot = 0; slot < slots; slot++) {
            int here = (slot + 1) * kills / slots - slot * kills / slots;
            for (int k = 0; k < here; k++) {
                schedule.add(kill(laneWorkers.get(worker++ % laneWorkers.size())));
            }
            if (slot < others.size()) {
                schedule.add(others.get(slot));
            }
        }
        return schedule;
    }
}
