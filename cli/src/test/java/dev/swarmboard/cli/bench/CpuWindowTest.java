package dev.swarmboard.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuWindowTest {

    private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void shouldCountTheCpuOfAThreadThatEndedInsideTheWindowInTheProcessTotals() throws InterruptedException {
        // Given a window opened on this JVM, with this very process standing in for the worker
        CpuWindow window = CpuWindow.open(ProcessHandle.current());

        // When a thread spends 300 ms of CPU time and ends before the window closes
        Thread burner = new Thread(CpuWindowTest::burn, "cpu-burner-7");
        burner.start();
        burner.join();
        CpuWindow.Reading reading = window.close();

        // Then both process totals hold that time, and it is outside the threads listed by name
        assertThat(reading.benchJvmNanos()).isGreaterThanOrEqualTo(BURN_NANOS);
        assertThat(reading.workerNanos()).hasValueSatisfying(nanos ->
                assertThat(nanos).isGreaterThanOrEqualTo(BURN_NANOS - SLACK_NANOS));
        assertThat(reading.threads()).doesNotContainKey("cpu-burner-#");
        assertThat(reading.unlistedThreadsNanos()).isGreaterThanOrEqualTo(BURN_NANOS - SLACK_NANOS);
        assertThat(reading.requests()).isEmpty();
    }

    @Test
    void shouldListALiveThreadUnderItsNameWithDigitsFolded() throws InterruptedException {
        // Given a window, and a thread that burns 300 ms of CPU and is still alive when the window closes
        CpuWindow window = CpuWindow.open(ProcessHandle.current());
        CountDownLatch burned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread burner = new Thread(() -> {
            burn();
            burned.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-burner-12");
        burner.start();
        assertThat(burned.await(60, TimeUnit.SECONDS)).isTrue();

        // When the window closes
        CpuWindow.Reading reading = window.close();
        release.countDown();
        burner.join();

        // Then the thread is listed under its folded name with at least the time it burned
        assertThat(reading.threads()).hasEntrySatisfying("cpu-burner-#",
                nanos -> assertThat(nanos).isGreaterThanOrEqualTo(BURN_NANOS));
        assertThat(reading.benchJvmNanos()).isGreaterThanOrEqualTo(BURN_NANOS);
    }

    private static void burn() {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() - start < BURN_NANOS) {
            spins++;
        }
        assertThat(spins).isPositive();
    }
}
