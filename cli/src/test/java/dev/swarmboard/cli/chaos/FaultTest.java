package dev.swarmboard.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void shouldScheduleEveryWorkerKillAndOneOfEachOtherFault() {
        // Given six worker kills over three workers and a broker outage
        ChaosSettings settings = new ChaosSettings(null, 10, 3, 2, 1, 6, Duration.ofSeconds(25), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofMinutes(20), Path.of("data"), Path.of("offline.yaml"), "swarm.");

        // When the schedule is made
        List<String> faults = Fault.schedule(settings, List.of("w1", "w2", "w3")).stream().map(Fault::describe).toList();

        // Then each worker is killed twice, and verifier, orchestrator, digest, freeze and outage occur once
        assertThat(faults).filteredOn(f -> f.startsWith("SIGKILL w")).hasSize(6)
                .containsOnly("SIGKILL w1", "SIGKILL w2", "SIGKILL w3");
        assertThat(faults).contains("SIGKILL verifier", "SIGKILL orchestrator", "SIGKILL digest",
                "SIGSTOP w3 for 25 s, then SIGCONT", "broker outage of 25 s").hasSize(11);
    }

    @Test
    void shouldLeaveTheOutageOutWhenItIsZero() {
        ChaosSettings settings = new ChaosSettings(null, 10, 2, 2, 1, 0, Duration.ZERO, Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofMinutes(20), Path.of("data"), Path.of("offline.yaml"), "swarm.");

        List<String> faults = Fault.schedule(settings, List.of("w1", "w2")).stream().map(Fault::describe).toList();

        assertThat(faults).containsExactly("SIGKILL verifier", "SIGSTOP w2 for 25 s, then SIGCONT",
                "SIGKILL orchestrator", "SIGKILL digest");
    }

    @Test
    void shouldBounceOneNodeOfAThreeNodeCluster() {
        // Given a three-node cluster
        ChaosSettings settings = new ChaosSettings(null, 10, 2, 2, 3, 0, Duration.ofSeconds(20), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofMinutes(20), Path.of("data"), Path.of("offline.yaml"), "swarm.");

        // When the schedule is made
        List<String> faults = Fault.schedule(settings, List.of("w1", "w2")).stream().map(Fault::describe).toList();

        // Then node 1 is bounced once besides the whole-cluster outage
        assertThat(faults).containsExactly("SIGKILL verifier", "SIGSTOP w2 for 25 s, then SIGCONT",
                "SIGKILL orchestrator", "broker outage of 20 s", "bounce of broker node 1 for 15 s", "SIGKILL digest");
    }
}
