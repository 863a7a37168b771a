package dev.swarmboard.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load as {@code /proc/loadavg} states it, printed beside every ratio (the host is shared). */
public final class LoadAverage {

    private static final Path PROC = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages, or why they are not known. */
    public static String now() {
        try {
            String[] fields = Files.readString(PROC).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
