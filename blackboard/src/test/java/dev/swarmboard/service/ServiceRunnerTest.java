package dev.swarmboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

    /** A service whose loop can be made to die, as a fenced producer or a failed stream thread would. */
    private static final class DyingService implements SwarmService {
        final AtomicBoolean alive = new AtomicBoolean();
        final AtomicBoolean stopped = new AtomicBoolean();

        @Override
        public String name() {
            return "dying";
        }

        @Override
        public void start() {
            alive.set(true);
        }

        @Override
        public void stop() {
            stopped.set(true);
        }

        @Override
        public boolean isHealthy() {
            return alive.get();
        }

        @Override
        public String failure() {
            return "its loop died";
        }
    }

    @Test
    void shouldStopEverythingAndReturnANonZeroStatusWhenAServiceLoopDies() throws Exception {
        // Given a running service
        DyingService service = new DyingService();
        try (ServiceRunner runner = new ServiceRunner()) {
            runner.start(service);
            Thread killer = new Thread(() -> service.alive.set(false));

            // When its loop dies while main waits
            killer.start();
            int status = runner.awaitStop();

            // Then the wait ends with the failure status and the service was stopped
            assertThat(status).isEqualTo(ServiceRunner.EXIT_SERVICE_FAILED);
            assertThat(service.stopped).isTrue();
        }
    }

    @Test
    void shouldReturnZeroWhenStoppedOnPurpose() throws Exception {
        // Given a running, healthy service
        DyingService service = new DyingService();
        ServiceRunner runner = new ServiceRunner();
        runner.start(service);

        // When the runner is stopped (as the shutdown hook does)
        new Thread(runner::stop).start();

        // Then the wait ends with status 0
        assertThat(runner.awaitStop()).isZero();
        assertThat(service.stopped).isTrue();
    }
}
