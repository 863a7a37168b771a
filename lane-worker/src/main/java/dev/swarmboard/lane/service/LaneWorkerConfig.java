package dev.swarmboard.lane.service;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.lane.workspace.LaneDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of one lane-worker process.
 *
 * @param capabilities   the capability registry file (models, roles, tools)
 * @param concurrency    lanes this process runs at once: one share consumer each
 * @param workspace      root of the tool workspaces, {@code <workspace>/<mission>/<lane>}
 * @param groupId        the share group all lane workers join
 * @param renewInterval  how often a running lane's task lock is renewed; well under the group's
 *                       {@code share.record.lock.duration.ms} (30 s by default)
 * @param shutdownGrace  how long a graceful stop lets running lanes finish before releasing them
 */
public record LaneWorkerConfig(CommonConfig common, Path capabilities, int concurrency, Path workspace,
                               String groupId, Duration renewInterval, Duration shutdownGrace) {

    public static final ConfigParameter<String> CAPABILITIES = ConfigParameter.string(
            "SWARM_CAPABILITIES", "examples/capabilities/offline.yaml", "Capability registry YAML file");
    public static final ConfigParameter<Integer> CONCURRENCY = ConfigParameter.integer(
            "SWARM_LANE_CONCURRENCY", 10, "Lanes one lane-worker process runs at once");
    public static final ConfigParameter<String> WORKSPACE = ConfigParameter.string(
            "SWARM_LANE_WORKSPACE", null, "Root of lane tool workspaces, kept private (0700) (default <tmp>/swarm-lanes-<user>)");
    public static final ConfigParameter<String> GROUP = ConfigParameter.string(
            "SWARM_LANE_GROUP", null, "Share group of the lane workers (default <topic prefix>lane-workers)");
    public static final ConfigParameter<Integer> RENEW_MS = ConfigParameter.integer(
            "SWARM_LANE_RENEW_MS", 10_000, "Interval at which a running lane's task lock is renewed");
    public static final ConfigParameter<Integer> SHUTDOWN_GRACE_MS = ConfigParameter.integer(
            "SWARM_LANE_SHUTDOWN_GRACE_MS", 30_000, "Time running lanes get to finish on a graceful stop");

    public static final List<ConfigParameter<?>> PARAMETERS =
            List.of(CAPABILITIES, CapabilityRegistry.STRICT, CONCURRENCY, WORKSPACE, GROUP, RENEW_MS, SHUTDOWN_GRACE_MS);

    public LaneWorkerConfig {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        if (renewInterval.isNegative() || renewInterval.isZero()) {
            throw new IllegalArgumentException("renew interval must be > 0");
        }
    }

    public static LaneWorkerConfig fromEnvironment(Map<String, String> env) {
        CommonConfig common = CommonConfig.fromEnvironment(env);
        String workspace = WORKSPACE.resolve(env);
        String group = GROUP.resolve(env);
        return new LaneWorkerConfig(common, Path.of(CAPABILITIES.resolve(env)), CONCURRENCY.resolve(env),
                workspace != null ? Path.of(workspace) : LaneDirectories.defaultRoot(),
                group != null ? group : common.catalogue().clients().laneWorkerShareGroup(),
                Duration.ofMillis(RENEW_MS.resolve(env)), Duration.ofMillis(SHUTDOWN_GRACE_MS.resolve(env)));
    }

    /** The same settings with another registry file ({@code --capabilities}); null keeps this one. */
    public LaneWorkerConfig withCapabilities(Path file) {
        return file == null ? this
                : new LaneWorkerConfig(common, file, concurrency, workspace, groupId, renewInterval, shutdownGrace);
    }

    /** The same settings with another concurrency ({@code --concurrency}); null keeps this one. */
    public LaneWorkerConfig withConcurrency(Integer lanes) {
        return lanes == null ? this
                : new LaneWorkerConfig(common, capabilities, lanes, workspace, groupId, renewInterval, shutdownGrace);
    }

    /** The same settings against other bootstrap servers ({@code --bootstrap}); null keeps these. */
    public LaneWorkerConfig withBootstrap(String bootstrap) {
        return new LaneWorkerConfig(common.withBootstrap(bootstrap), capabilities, concurrency, workspace, groupId,
                renewInterval, shutdownGrace);
    }
}
