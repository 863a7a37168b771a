package dev.swarmboard.cli;

import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole stack for an IT: every service in this JVM on the given broker, under its own topic prefix,
 * each signing with its own key and checking every fact against the stack's trust file, as in the demo.
 */
final class TestStacks {

    private TestStacks() {
    }

    /** Starts orchestrator, verifier, digest and {@code workers} lane workers; reports go to {@code dir/reports}. */
    static SwarmStack start(String bootstrap, Path dir, Path capabilities, Path workflows, String prefix,
                            int workers) {
        return start(bootstrap, dir, capabilities, workflows, prefix, workers, Map.of());
    }

    /** As above, with {@code extra} variables (such as {@code OTEL_*}) over the process environment. */
    static SwarmStack start(String bootstrap, Path dir, Path capabilities, Path workflows, String prefix,
                            int workers, Map<String, String> extra) {
        StackSettings settings = new StackSettings(bootstrap, dir, capabilities, workflows, dir.resolve("reports"),
                workers);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extra);
        env.put("SWARM_TOPIC_PREFIX", prefix);
        return SwarmStack.start(settings.environment(env), workers, StackKeys.ensure(dir.resolve("keys")));
    }
}
