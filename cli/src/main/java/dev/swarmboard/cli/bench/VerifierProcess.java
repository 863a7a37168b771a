package dev.swarmboard.cli.bench;

import dev.swarmboard.cli.SwarmCommand;
import dev.swarmboard.config.CommonConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code swarm run verifier} JVM on this JVM's class path with the production image's JVM
 * options, its log appended to a file, and the moments the bench times: when the JVM was started,
 * when its health server first answered (the service constructed and Kafka Streams started), when
 * {@code /ready} first said RUNNING.
 */
final class VerifierProcess {

    /** The Dockerfile's options, with a heap bound instead of a share of the container's memory. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC");
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int healthPort;
    private final long startedAt;

    private VerifierProcess(Process process, int healthPort, long startedAt) {
        this.process = process;
        this.healthPort = healthPort;
        this.startedAt = startedAt;
    }

    /**
     * Starts a verifier with {@code env} (bootstrap, prefix, state directory, …), a health port of its own and
     * {@code jvmOptions} after the image's.
     */
    static VerifierProcess start(Map<String, String> env, List<String> jvmOptions, Path log) {
        int port = freePort();
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put(CommonConfig.HEALTH_PORT.env(), Integer.toString(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SwarmCommand.class.getName(), "run",
                "verifier"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SWARM_"));
        builder.environment().putAll(childEnv);
        try {
            long startedAt = System.nanoTime();
            return new VerifierProcess(builder.start(), port, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a verifier JVM", e);
        }
    }

    /** {@link System#nanoTime()} just before the JVM was started. */
    long startedAt() {
        return startedAt;
    }

    /** When {@code path} ({@code /healthy}, {@code /ready}) first answers 200, in nanoTime. */
    long awaitOk(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + path))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the verifier exited " + process.exitValue() + " before " + path);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // the health server is not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the verifier's " + path + " was not 200 within " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** SIGKILL ({@code forcibly}) or SIGTERM, and waits for the JVM to be gone. */
    void stop(boolean forcibly) throws InterruptedException {
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not exit within " + EXIT_TIMEOUT);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the verifier's health server", e);
        }
    }
}
