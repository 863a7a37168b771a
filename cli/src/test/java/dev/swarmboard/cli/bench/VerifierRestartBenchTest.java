package dev.swarmboard.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.cli.bench.VerifierRestartBench.Restart;
import dev.swarmboard.cli.bench.VerifierRestartBench.Stop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierRestartBenchTest {

    @Test
    void shouldSummariseEachKindOfStopByTheMedianOfItsOwnRestarts() {
        // Given three SIGKILL restarts, the slowest first, and one SIGTERM restart
        VerifierRestartBench.Report report = new VerifierRestartBench.Report(List.of(
                new Restart(Stop.SIGKILL, 9_000, 12_000, 900, 13_000, 12_900),
                new Restart(Stop.SIGKILL, 3_000, 4_000, 100, 4_200, 4_100),
                new Restart(Stop.SIGTERM, 2_000, 2_500, 50, 2_550, 2_600),
                new Restart(Stop.SIGKILL, 5_000, 6_000, 300, 6_300, 6_500)), List.of(700L, 500L, 600L),
                List.of(40L, 90L, 60L));

        // When the summary is printed
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        VerifierRestartBench.printSummary(report, "1.00 1.00 1.00", new PrintStream(buffer, true, StandardCharsets.UTF_8));

        // Then each row holds its own kind's medians, both verdicts being the later of the two
        String summary = buffer.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("| SIGKILL | 3 | 5000 ms | 6000 ms | 300 ms | 6300 ms | 6500 ms | 6.5 s |");
        assertThat(summary).contains("| SIGTERM | 1 | 2000 ms | 2500 ms | 50 ms | 2550 ms | 2600 ms | 2.6 s |");
        assertThat(summary).contains("swarm --version 600 ms").contains("assignment 60 ms");
    }
}
