package dev.swarmboard.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The machine's {@code git} command, run with a fixed argument vector (never a shell), a clean
 * configuration (no user or system config, no hooks, no pager, no prompts) and a time limit. Both the
 * client (pinning a mission's base) and the lane workers (checkouts, commits, diffs) use it, so they
 * agree on what a tree id is. Why the CLI and not JGit: docs/decisions.md.
 */
public final class GitCli {

    /** A full commit, tree or blob id (SHA-1 object format). */
    public static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}");

    private static final long TIMEOUT_SECONDS = 120;
    private static final String AUTHOR = "swarm lane";
    private static final String EMAIL = "lane@swarmboard.invalid";

    private GitCli() {
    }

    /** Runs {@code git args…} in {@code dir}; the outcome, never an exception for a non-zero exit. */
    public static GitResult run(Path dir, String... args) {
        return withInput(dir, null, args);
    }

    /** As {@link #run(Path, String...)}, with {@code stdin} (when not null) written to the process. */
    public static GitResult withInput(Path dir, String stdin, String... args) {
        return withEnvironment(dir, Map.of(), stdin, args);
    }

    /**
     * As {@link #withInput}, with extra environment variables set after the fixed ones, e.g.
     * {@code GIT_AUTHOR_DATE} for a commit whose id must not depend on the clock.
     */
    public static GitResult withEnvironment(Path dir, Map<String, String> extra, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.hooksPath=/dev/null",
                "-c", "core.autocrlf=false", "-c", "core.quotepath=off", "-c", "commit.gpgsign=false",
                "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always", "-c", "protocol.ext.allow=never",
                "-c", "protocol.fd.allow=never"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_PAGER", "cat");
        env.put("GIT_AUTHOR_NAME", AUTHOR);
        env.put("GIT_AUTHOR_EMAIL", EMAIL);
        env.put("GIT_COMMITTER_NAME", AUTHOR);
        env.put("GIT_COMMITTER_EMAIL", EMAIL);
        env.put("LC_ALL", "C");
        env.putAll(extra);
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new GitResult(-1, "", "git " + args[0] + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new GitResult(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new GitResult(-1, "", "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitResult(-1, "", "interrupted while running git " + args[0]);
        }
    }

    /** Whether a repository location is a URL (or scp-like {@code user@host:path}) rather than a local path. */
    public static boolean isUrl(String repo) {
        return repo.contains("://") || repo.matches("[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:.*");
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a git command did: its exit code and its output. */
    public record GitResult(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        /** The first line of stdout, trimmed. */
        public String firstLine() {
            return stdout.lines().findFirst().orElse("").strip();
        }

        /** Why it failed, for a reason message: stderr's last line, else the exit code. */
        public String why() {
            List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "git exited " + exitCode : lines.get(lines.size() - 1).strip();
        }
    }
}
