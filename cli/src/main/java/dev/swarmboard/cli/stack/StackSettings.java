package dev.swarmboard.cli.stack;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.digest.service.DigestConfig;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.orchestrator.service.OrchestratorConfig;
import dev.swarmboard.verifier.service.VerifierConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of an embedded stack ({@code swarm demo}, {@code swarm up}) as the environment map
 * every service reads: the broker, the registry, and directories under one data directory.
 */
public record StackSettings(String bootstrap, Path dataDir, Path capabilities, Path workflows, Path reports,
                            int laneWorkers) {

    /** The process environment with this stack's settings laid over it. */
    public Map<String, String> environment(Map<String, String> base) {
        Map<String, String> env = new HashMap<>(base);
        env.put(CommonConfig.BOOTSTRAP.env(), bootstrap);
        env.put(OrchestratorConfig.CAPABILITIES.env(), capabilities.toString());
        env.put(LaneWorkerConfig.CAPABILITIES.env(), capabilities.toString());
        if (workflows != null) {
            env.put(OrchestratorConfig.WORKFLOWS.env(), workflows.toString());
        }
        env.put(DigestConfig.OUTPUT_DIR.env(), reports.toString());
        env.put(VerifierConfig.STATE_DIR.env(), dataDir.resolve("verifier-state").toString());
        env.put(LaneWorkerConfig.WORKSPACE.env(), dataDir.resolve("lane-workspaces").toString());
        return env;
    }
}
