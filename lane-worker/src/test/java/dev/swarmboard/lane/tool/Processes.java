package dev.swarmboard.lane.tool;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/** Finds test processes by a marker in their command line, from the host's view (ProcessHandle reads /proc). */
final class Processes {

    private Processes() {
    }

    /** A number unlikely to be in any other command line: a sleep of that many seconds is a findable process. */
    static String marker() {
        return Long.toString(900_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L));
    }

    /** How many live processes have the marker as a command-line argument. */
    static long running(String marker) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments()
                        .map(arguments -> java.util.Arrays.asList(arguments).contains(marker)).orElse(false))
                .count();
    }

    static <T> CompletableFuture<T> inBackground(Callable<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }
}
