package dev.swarmboard.lane.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one place a lane worker creates and removes workspace folders for repositories: under the
 * workspace root, {@code repo-cache-<worker>/} holds this worker's bare clones and
 * {@code checkouts/<mission>/<lane>/attempt-<n>-<random>/} one fresh folder per attempt run, so two
 * lanes, two workers, or an attempt and its retry never share one. Ids are checked safe by preflight.
 */
public final class LaneDirs {

    private final Path root;
    private final String worker;

    public LaneDirs(Path root, String worker) {
        this.root = root.toAbsolutePath().normalize();
        this.worker = worker.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** This worker's cache folder for bare clones (created private when missing, never through a link). */
    public Path cache() {
        Path cache = root.resolve("repo-cache-" + worker);
        try {
            return LaneDirectories.prepareRoot(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the repository cache " + cache + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new, empty, private folder for one attempt's checkout; it never existed before (made by
     * {@link LaneDirectories#createFresh} under {@code checkouts/}, so no level is reached through a link).
     */
    public Path freshCheckout(String missionId, String laneId, int attempt) {
        try {
            return LaneDirectories.createFresh(root.resolve("checkouts"), missionId, laneId, attempt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a checkout folder for " + missionId + "/" + laneId
                    + ": " + e.getMessage(), e);
        }
    }

    /** Removes a checkout folder and everything in it; symbolic links are removed, never followed. */
    public static void remove(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove checkout " + dir, e);
        }
    }
}
