package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KafkaLogLevelsTest {

    private final Logger kafka = (Logger) LoggerFactory.getLogger("kafka");
    private final Logger clients = (Logger) LoggerFactory.getLogger("org.apache.kafka");
    private Level kafkaBefore;
    private Level clientsBefore;

    @BeforeEach
    void rememberLevels() {
        kafkaBefore = kafka.getLevel();
        clientsBefore = clients.getLevel();
    }

    @AfterEach
    void restoreLevels() {
        kafka.setLevel(kafkaBefore);
        clients.setLevel(clientsBefore);
    }

    @Test
    void shouldQuietKafkaLoggersNobodyConfigured() {
        // Given
        kafka.setLevel(null);

        // When
        KafkaLogLevels.quietUnlessConfigured();

        // Then
        assertThat(kafka.getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void shouldKeepALevelTheApplicationChose() {
        // Given
        clients.setLevel(Level.DEBUG);

        // When
        KafkaLogLevels.quietUnlessConfigured();

        // Then
        assertThat(clients.getLevel()).isEqualTo(Level.DEBUG);
    }
}
