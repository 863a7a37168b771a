package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaFixtureIT {

    @Test
    void shouldDeliverARecordWrittenWithAcksAllToANewConsumerGroup() throws Exception {
        // Given
        String topic = KafkaFixture.uniqueName("fixture");
        KafkaFixture.createTopic(topic, 1);

        // When
        TestRecords.write(KafkaFixture.bootstrapServers(), topic, "mission-1", "MissionAccepted");

        // Then
        assertThat(TestRecords.readValues(KafkaFixture.bootstrapServers(), topic, 1))
                .containsExactly("MissionAccepted");
    }
}
