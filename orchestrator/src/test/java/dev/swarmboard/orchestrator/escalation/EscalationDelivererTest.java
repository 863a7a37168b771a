package dev.swarmboard.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deliverer's topic and unset-webhook paths, on mock producers (the webhook path runs in EscalationIT). */
class EscalationDelivererTest {

    private final MockProducer<String, byte[]> blackboard = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final MockProducer<byte[], byte[]> topics = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final EscalationDeliverer deliverer = new EscalationDeliverer(EscalationSettings.fromEnvironment(Map.of()),
            new BlackboardWriter(blackboard, "bb"), topics, "orchestrator/test", Clock.systemUTC());

    @AfterEach
    void close() {
        deliverer.close();
    }

    @Test
    void shouldWriteATopicEscalationAsJsonKeyedByMission() {
        deliverer.accept(escalation("topic:ops.escalations"));

        await().atMost(Duration.ofSeconds(30)).until(() -> topics.history().size() == 1);
        var record = topics.history().get(0);
        assertThat(record.topic()).isEqualTo("ops.escalations");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("m1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"severity\":\"CRITICAL\"")
                .contains("\"missionId\":\"m1\"");
        assertThat(blackboard.history()).as("only webhooks record attempts").isEmpty();
    }

    @Test
    void shouldGiveUpAtOnceOnAnUnsetWebhookVariable() {
        deliverer.accept(escalation("webhook:env:SWARM_WEBHOOK_NOWHERE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> blackboard.history().size() == 1);
        BlackboardEvent event = Codecs.create().events().codec().decode(blackboard.history().get(0).value());
        EscalationAttempt attempt = (EscalationAttempt) event.getPayload();
        assertThat(attempt.getOutcome()).isEqualTo("GAVE_UP");
        assertThat(attempt.getDetail()).isEqualTo("unset SWARM_WEBHOOK_NOWHERE");
        assertThat(topics.history()).isEmpty();
    }

    private static BlackboardEvent escalation(String contact) {
        return Events.create(EventOrigin.mission("m1", "orchestrator/test"),
                new Escalation("CRITICAL", contact, "mission m1 failed"), Instant.now(), "m1", "Escalation", "CRITICAL");
    }
}
