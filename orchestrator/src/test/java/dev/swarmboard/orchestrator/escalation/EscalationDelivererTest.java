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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<String> settled = new CopyOnWriteArrayList<>();
    private final EscalationDeliverer deliverer = new EscalationDeliverer(EscalationSettings.fromEnvironment(Map.of()),
            new BlackboardWriter(blackboard, "bb"), topics, "orchestrator/test", Clock.systemUTC(),
            event -> settled.add(event.getHeader().getEventId()));

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

    @Test
    void shouldSettleAnEscalationOnceItsFinalAttemptIsWrittenAndResumeAtTheAttemptGiven() {
        // Given a blackboard that acknowledges only when told, and an escalation resumed at attempt 3
        MockProducer<String, byte[]> slow = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        List<String> closed = new CopyOnWriteArrayList<>();
        BlackboardEvent escalation = escalation("webhook:env:SWARM_WEBHOOK_NOWHERE");
        try (EscalationDeliverer resuming = new EscalationDeliverer(EscalationSettings.fromEnvironment(Map.of()),
                new BlackboardWriter(slow, "bb"), new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()), "orchestrator/test", Clock.systemUTC(),
                event -> closed.add(event.getHeader().getEventId()))) {
            resuming.resume(escalation, 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.history().size() == 1);

            // When it is accepted again while its final attempt is not yet acknowledged
            resuming.accept(escalation);
            assertThat(resuming.inFlight(escalation.getHeader().getEventId())).isTrue();
            assertThat(closed).isEmpty();
            slow.completeNext();

            // Then one delivery ran, its final attempt numbered 3, and it settled the escalation once
            await().atMost(Duration.ofSeconds(30)).until(() -> closed.size() == 1);
            assertThat(slow.history()).singleElement().satisfies(record -> assertThat(
                    ((EscalationAttempt) Codecs.create().events().codec().decode(record.value()).getPayload())
                            .getAttempt()).isEqualTo(3));
            assertThat(closed).containsExactly(escalation.getHeader().getEventId());
            assertThat(resuming.inFlight(escalation.getHeader().getEventId())).isFalse();
        }
    }

    @Test
    void shouldSettleATopicEscalationOnlyOnceTheTopicAcknowledgedIt() {
        deliverer.accept(escalation("topic:ops.escalations"));

        await().atMost(Duration.ofSeconds(30)).until(() -> settled.size() == 1);
        assertThat(topics.history()).hasSize(1);
    }

    private static BlackboardEvent escalation(String contact) {
        return Events.create(EventOrigin.mission("m1", "orchestrator/test"),
                new Escalation("CRITICAL", contact, "mission m1 failed"), Instant.now(), "m1", "Escalation", "CRITICAL");
    }
}
