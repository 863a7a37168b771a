package dev.swarmboard.digest.deliver;

import dev.swarmboard.change.Diffstat;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.git.GitCli.GitResult;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.IntegrationCompleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Delivers a passed integration to the user: the commit is recreated from the base and the combined
 * diff in a temporary clone (its tree must be the integrated tree id, its author, committer and dates
 * fixed by the IntegrationCompleted so the commit id is the same every time), written as a patch
 * {@code git am} applies, and, for a repository given as a local path, created as branch
 * {@code swarm/<mission-id>} with a create-only {@code update-ref}: the repository's checked-out
 * branch, index and working tree are never touched and an existing branch is never overwritten.
 */
public final class Delivery {

    /** What was delivered: the commit, and the branch or why there is none. */
    public record Delivered(String commit, Optional<String> branch, String problem) {
    }

    private static final DateTimeFormatter MBOX_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z")
            .withZone(ZoneOffset.UTC).withLocale(java.util.Locale.ROOT);

    private Delivery() {
    }

    /** The commit of the integration, recreated; empty with the reason when it cannot be. */
    public static Delivered deliver(BlackboardEvent integration, String repo, Path patchFile) throws IOException {
        IntegrationCompleted completed = (IntegrationCompleted) integration.getPayload();
        String missionId = integration.getHeader().getMissionId();
        Instant at = Instant.ofEpochMilli(integration.getHeader().getOccurredAt().toEpochMilli());
        String subject = "swarm mission " + missionId + ": integrated round " + completed.getRound();
        Path temporary = Files.createTempDirectory("swarm-deliver-");
        try {
            Recreated recreated = recreate(completed, repo, temporary, subject, at);
            Optional<String> commit = recreated.commit();
            if (commit.isEmpty()) {
                writePatch(patchFile, completed, "0".repeat(40), subject, at);
                return new Delivered("", Optional.empty(), recreated.problem());
            }
            writePatch(patchFile, completed, commit.get(), subject, at);
            if (GitCli.isUrl(repo)) {
                return new Delivered(commit.get(), Optional.empty(), "the repository " + repo
                        + " is a URL, not a local path: no branch is created; apply the patch");
            }
            return branch(Path.of(repo), temporary, missionId, commit.get());
        } finally {
            remove(temporary);
        }
    }

    private record Recreated(Optional<String> commit, String problem) {
    }

    private static Recreated recreate(IntegrationCompleted completed, String repo, Path dir, String subject,
                                             Instant at) {
        Map<String, String> dates = Map.of("GIT_AUTHOR_DATE", at.getEpochSecond() + " +0000", "GIT_COMMITTER_DATE",
                at.getEpochSecond() + " +0000");
        GitResult step = GitCli.run(dir, "clone", "-q", "--no-checkout", "--", repo, ".");
        if (step.ok()) {
            step = GitCli.run(dir, "checkout", "-q", "--detach", completed.getBaseCommit());
        }
        if (step.ok() && !completed.getDiff().isEmpty()) {
            step = GitCli.withInput(dir, completed.getDiff(), "apply", "--index", "--whitespace=nowarn", "-");
        }
        String tree = step.ok() ? GitCli.run(dir, "write-tree").firstLine() : "";
        if (!step.ok() || !tree.equals(completed.getTreeId())) {
            return new Recreated(Optional.empty(), step.ok() ? "the recreated tree " + tree
                    + " is not the integrated tree " + completed.getTreeId()
                    : "cannot recreate the integrated commit: " + step.why());
        }
        GitResult commit = GitCli.withEnvironment(dir, dates, null, "commit-tree", tree, "-p",
                completed.getBaseCommit(), "-m", subject);
        if (!commit.ok()) {
            return new Recreated(Optional.empty(), "cannot commit the integrated tree: " + commit.why());
        }
        GitCli.run(dir, "update-ref", "refs/heads/delivered", commit.firstLine());
        return new Recreated(Optional.of(commit.firstLine()), "");
    }

    private static Delivered branch(Path repo, Path clone, String missionId, String commit) {
        String branch = "swarm/" + missionId;
        GitResult existing = GitCli.run(repo, "rev-parse", "-q", "--verify", "refs/heads/" + branch);
        if (existing.ok()) {
            return new Delivered(commit, Optional.empty(), "branch " + branch + " already exists in " + repo + " at "
                    + existing.firstLine() + ": it is never overwritten; the patch is written");
        }
        GitResult fetched = GitCli.run(repo, "fetch", "-q", "--no-write-fetch-head", "--no-tags", "--",
                clone.toString(), "refs/heads/delivered");
        // an empty old value makes update-ref create-only: a branch made meanwhile is not overwritten
        GitResult created = fetched.ok() ? GitCli.run(repo, "update-ref", "refs/heads/" + branch, commit, "")
                : fetched;
        return created.ok() ? new Delivered(commit, Optional.of(branch), "")
                : new Delivered(commit, Optional.empty(), "cannot create branch " + branch + " in " + repo + ": "
                + created.why());
    }

    /** An mbox patch as {@code git format-patch} writes it, so {@code git am} applies it onto the base. */
    private static void writePatch(Path patchFile, IntegrationCompleted completed, String commit, String subject,
                                   Instant at) throws IOException {
        String patch = "From " + commit + " Mon Sep 17 00:00:00 2001\n"
                + "From: swarm lane <lane@swarmboard.invalid>\n"
                + "Date: " + MBOX_DATE.format(at) + "\n"
                + "Subject: [PATCH] " + subject + "\n\n"
                + "Lanes " + String.join(", ", completed.getLanes()) + " on base " + completed.getBaseCommit()
                + ", integrated tree " + completed.getTreeId() + ".\n---\n"
                + Diffstat.of(completed.getDiff()).render() + "\n" + completed.getDiff() + "--\nswarm\n";
        Files.createDirectories(patchFile.toAbsolutePath().getParent());
        Files.writeString(patchFile, patch);
    }

    private static void remove(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
