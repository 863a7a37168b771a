package dev.swarmboard.cli.chaos;

import dev.swarmboard.cli.SwarmCommand;
import dev.swarmboard.config.CommonConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The services of a chaos run as separate JVMs ({@code swarm run SERVICE} on this JVM's class path), each
 * with its own health port and log, and the signals chaos sends them. It supervises them like
 * {@code restart: unless-stopped}: a process that exits, killed by chaos or not, is started again; exits
 * chaos did not cause are recorded with their exit code. Closing kills every child and its descendants.
 */
final class ServiceFleet implements AutoCloseable {

    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    /** One supervised service: its name ({@code lane-worker-2}), the service it runs, its settings. */
    private static final class Child {
        final String name;
        final String service;
        final Map<String, String> env;
        final int healthPort;
        volatile Process process;
        volatile boolean killedByChaos;
        int starts;

        Child(String name, String service, Map<String, String> env, int healthPort) {
            this.name = name;
            this.service = service;
            this.env = env;
            this.healthPort = healthPort;
        }
    }

    private final Path logs;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private final List<ProcessHandle> started = new ArrayList<>();
    private final List<String> unexpectedExits = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean closing;

    ServiceFleet(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
    }

    /** Starts {@code service} (orchestrator, verifier, digest, lane-worker) as {@code name}, supervised. */
    synchronized void start(String name, String service, Map<String, String> env) {
        Map<String, String> childEnv = new HashMap<>(env);
        int port = freePort();
        childEnv.put(CommonConfig.HEALTH_PORT.env(), Integer.toString(port));
        childEnv.put(CommonConfig.INSTANCE_ID.env(), name);
        Child child = new Child(name, service, childEnv, port);
        children.put(name, child);
        launch(child);
    }

    private synchronized void launch(Child child) {
        if (closing) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SwarmCommand.class.getName(), "run", child.service)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(child.name + ".log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SWARM_"));
        builder.environment().putAll(child.env);
        try {
            Process process = builder.start();
            child.process = process;
            child.killedByChaos = false;
            child.starts++;
            started.add(process.toHandle());
            process.onExit().thenRun(() -> exited(child, process));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + child.name, e);
        }
    }

    private void exited(Child child, Process process) {
        if (closing || child.process != process) {
            return;
        }
        if (!child.killedByChaos) {
            synchronized (this) {
                unexpectedExits.add(child.name + " exited " + process.exitValue() + " (restarted)");
            }
        }
        CompletableFuture.delayedExecutor(RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(() -> launch(child));
    }

    /** kill -9 of the named service; the supervisor starts it again. */
    void kill(String name) throws InterruptedException {
        Child child = children.get(name);
        Process process = child.process;
        child.killedByChaos = true;
        process.destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    void freeze(String name) throws IOException, InterruptedException {
        signal(name, "-STOP");
    }

    void resume(String name) throws IOException, InterruptedException {
        signal(name, "-CONT");
    }

    private void signal(String name, String signal) throws IOException, InterruptedException {
        long pid = children.get(name).process.pid();
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " exited " + kill.exitValue());
        }
    }

    /** Names of the children running {@code service}. */
    synchronized List<String> named(String service) {
        return children.values().stream().filter(child -> child.service.equals(service)).map(child -> child.name).toList();
    }

    /** Exits nobody asked for, in order, each with its exit code. */
    synchronized List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    /** Each child's /healthy answer now ({@code 200}, {@code 500}, or why there is none) and its start count. */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        for (Child child : List.copyOf(children.values())) {
            health.put(child.name, healthOf(child) + ", started " + child.starts + "x");
        }
        return health;
    }

    private String healthOf(Child child) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + child.healthPort + "/healthy"))
                    .timeout(Duration.ofSeconds(3)).build();
            return "/healthy " + http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return "/healthy unreachable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "/healthy not asked (interrupted)";
        }
    }

    /** Waits until every child answers /ready with 200; false if that has not happened by {@code until}. */
    boolean awaitReady(Instant until) throws InterruptedException {
        while (!children.values().stream().allMatch(child -> status(child, "/ready") == 200)) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private int status(Child child, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + child.healthPort + path))
                    .timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a health server", e);
        }
    }

    /** Kills every child (frozen ones too) and every descendant, and waits for them to exit. */
    @Override
    public void close() {
        List<ProcessHandle> handles;
        synchronized (this) {
            closing = true;
            handles = List.copyOf(started);
        }
        for (ProcessHandle handle : handles) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("swarm chaos: process " + handle.pid() + " did not exit after SIGKILL: " + e);
            }
        }
    }
}
