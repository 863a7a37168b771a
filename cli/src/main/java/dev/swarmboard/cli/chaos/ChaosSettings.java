package dev.swarmboard.cli.chaos;

import dev.swarmboard.schema.command.SubmitMission;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a chaos run does: how many copies of the template mission it submits, how many lane workers it
 * runs and kills, the broker's node count and outage, the share lock it freezes a worker past, the
 * pause between faults, and the global deadline; files go under {@code dataDir}.
 */
public record ChaosSettings(SubmitMission template, int missions, int laneWorkers, int concurrency, int nodes,
                            int workerKills, Duration brokerOutage, Duration lock, Duration pause, Duration deadline,
                            Path dataDir, Path capabilities, String topicPrefix) {

    public ChaosSettings {
        if (missions < 1 || laneWorkers < 2 || workerKills < 0) {
            throw new IllegalArgumentException("need at least 1 mission and 2 lane workers, got " + missions + " and "
                    + laneWorkers);
        }
        if (nodes != 1 && nodes != 3) {
            throw new IllegalArgumentException("--nodes must be 1 or 3, got " + nodes);
        }
        if (lock.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new IllegalArgumentException("the broker allows a share lock of 15 s at the least, got " + lock);
        }
    }
}
