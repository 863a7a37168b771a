package dev.swarmboard.digest.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where reports go: {@code <dir>/<mission>.md}, the mission id reduced to {@code [A-Za-z0-9._-]} so
 * no id can leave the directory, written through a temporary file and an atomic move so a reader
 * never sees half a report.
 */
final class ReportFiles {

    private final Path directory;

    ReportFiles(Path directory) {
        this.directory = directory;
    }

    Path pathOf(String missionId) {
        String name = missionId.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return directory.resolve(name + ".md");
    }

    void write(Path path, String markdown) throws IOException {
        Files.createDirectories(path.getParent());
        Path temporary = Files.createTempFile(path.getParent(), ".digest-", ".tmp");
        Files.writeString(temporary, markdown, StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
