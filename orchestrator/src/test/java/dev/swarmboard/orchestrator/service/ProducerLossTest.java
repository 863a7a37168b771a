package dev.swarmboard.orchestrator.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class ProducerLossTest {

    @Test
    void shouldRecoverAnEpochLostBehindTheProducersWrapper() {
        // Given the producer's fatal-state wrapper around an epoch bumped by a broker restart
        KafkaException wrapped = new KafkaException("Cannot execute transactional method because we are in an error state",
                new InvalidProducerEpochException("Producer attempted to produce with an old epoch."));
        // Then it is recoverable, and not a fencing
        assertThat(ProducerLoss.recoverable(wrapped)).isTrue();
        assertThat(ProducerLoss.fenced(wrapped)).isFalse();
    }

    @Test
    void shouldRecoverAFencingAndATimeoutButNotARefusalOrAnAuthorizationError() {
        assertThat(ProducerLoss.recoverable(new ProducerFencedException("newer epoch"))).isTrue();
        assertThat(ProducerLoss.fenced(new KafkaException(new ProducerFencedException("newer epoch")))).isTrue();
        assertThat(ProducerLoss.recoverable(new TimeoutException("commit timed out"))).isTrue();
        assertThat(ProducerLoss.recoverable(new RecordTooLargeException("too large"))).isFalse();
        assertThat(ProducerLoss.recoverable(new KafkaException(new TopicAuthorizationException("denied")))).isFalse();
        assertThat(ProducerLoss.recoverable(new IllegalStateException("a bug"))).isFalse();
    }
}
