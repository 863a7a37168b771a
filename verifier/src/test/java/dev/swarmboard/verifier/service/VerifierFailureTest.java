package dev.swarmboard.verifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class VerifierFailureTest {

    private final VerifierService service = new VerifierService(VerifierConfig.fromEnvironment(Map.of()));

    @Test
    void shouldReplaceAThreadKilledByATransientErrorABoundedNumberOfTimes() {
        // Given stream threads failing on a timeout while the cluster is away
        StreamsException transientError = new StreamsException(new TimeoutException("no leader"));
        // Then the first few are replaced, and past the bound the client shuts down
        for (int i = 0; i < VerifierService.REPLACEMENTS_PER_WINDOW; i++) {
            assertThat(service.onThreadFailure(transientError)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(service.onThreadFailure(transientError)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(service.failure()).contains("no leader");
    }

    @Test
    void shouldShutDownOnAnyOtherError() {
        StreamsException bug = new StreamsException(new IllegalStateException("state store corrupt"));
        assertThat(service.onThreadFailure(bug)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(service.failure()).contains("state store corrupt");
    }
}
