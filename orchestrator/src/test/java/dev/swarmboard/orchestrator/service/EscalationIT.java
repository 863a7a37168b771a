package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.escalation.EscalationSettings;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Escalations end to end on a real broker: a webhook that fails twice then accepts, and a paused
 * mission cancelled by its confirmation timeout. One orchestrator and one HTTP server for the class.
 */
class EscalationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Map<String, Object> client;
    private static TopicCatalogue topics;
    private static OrchestratorService service;
    private static MissionCommands commands;
    private static KafkaProbe probe;
    private static LocalWebhook webhook;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        webhook = new LocalWebhook(call -> call <= 2 ? 500 : 200);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);

        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        String prefix = KafkaFixture.uniqueName("esc") + ".";
        topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
        service = new OrchestratorService(OrchestratorServiceIT.config(prefix).withEscalations(
                EscalationSettings.fromEnvironment(Map.of("SWARM_WEBHOOK_IT", webhook.url(), "SWARM_ESCALATION_BACKOFF_MS", "200",
                        "SWARM_ESCALATION_BACKOFF_MAX_MS", "400"))), client);
        service.start();
        commands = MissionCommands.create(client, topics, Codecs.create(), "it");
        probe = new KafkaProbe(client, topics);
        await().atMost(PATIENCE).until(service::isReady);
    }

    @AfterAll
    static void stop() {
        commands.close();
        probe.close();
        service.stop();
        webhook.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void shouldRetryAFailingWebhookUntilItAcceptsWithoutTheUrlOnAnyTopicOrLog() throws Exception {
        // Given a planned mission without re-runs whose critical contact is a webhook reference
        MissionSpec spec = mission("hooked").setMaxReruns(0)
                .setContactPolicy(new ContactPolicy("", "webhook:env:SWARM_WEBHOOK_IT", "")).build();
        commands.submit(new SubmitMission(spec, "it.yaml"));
        await().atMost(PATIENCE).until(() -> probe.tasks("hooked").size() == 3);
        // When its only round fails
        probe.append(failedVerdict(probe, "hooked"));
        // Then the escalation is POSTed three times (500, 500, 200), each attempt an event
        await().atMost(PATIENCE).until(() -> probe.payloads("hooked", EscalationAttempt.class).size() == 3);
        List<EscalationAttempt> attempts = probe.payloads("hooked", EscalationAttempt.class);
        assertThat(attempts).extracting(EscalationAttempt::getAttempt, EscalationAttempt::getOutcome,
                EscalationAttempt::getDetail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "FAILED", "500"),
                org.assertj.core.groups.Tuple.tuple(2, "FAILED", "500"),
                org.assertj.core.groups.Tuple.tuple(3, "DELIVERED", "200"));
        String escalationId = probe.events("hooked").stream().filter(e -> e.getPayload() instanceof Escalation)
                .findFirst().orElseThrow().getHeader().getEventId();
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.getEscalationEventId()).isEqualTo(escalationId));
        assertThat(webhook.calls()).isEqualTo(3);
        assertThat(webhook.bodies().get(2)).contains("\"missionId\":\"hooked\"").contains("\"severity\":\"CRITICAL\"")
                .contains(escalationId);
        // And neither the URL nor its token is on any topic or in any log line
        assertNotLeaked(probe, topics, logs, webhook.token(), LocalWebhook.SECRET_PATH);
    }

    /** None of {@code secrets} is in any record of the catalogue's topics or in any captured log line. */
    static void assertNotLeaked(KafkaProbe probe, TopicCatalogue topics, ListAppender<ILoggingEvent> logs,
                                String... secrets) {
        for (String topic : List.of(topics.missions(), topics.blackboard(), topics.laneTasks(), topics.deadLetters(),
                topics.missionIndex())) {
            for (ConsumerRecord<byte[], byte[]> record : probe.records(topic, false)) {
                String text = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.ISO_8859_1);
                assertThat(text).as(topic).doesNotContain(secrets);
            }
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(line -> assertThat(line.getFormattedMessage() + " "
                + (line.getThrowableProxy() == null ? "" : line.getThrowableProxy().getMessage()))
                .doesNotContain(secrets));
    }

    /** A mission that pauses for approval and waits at most {@code timeout}, escalating to {@code contact}. */
    static MissionSpec awaitingApproval(String missionId, String timeout, String contact) {
        MissionSpec base = mission(missionId).build();
        return MissionSpec.newBuilder(base).setConstraints(Constraints.newBuilder(base.getConstraints())
                .setRequiresConfirmation(true).setConfirmationTimeout(timeout).build())
                .setContactPolicy(new ContactPolicy("", "", contact)).build();
    }

    @Test
    void shouldCancelAPausedMissionWhenItsConfirmationTimeoutPasses() {
        // Given a mission that waits for approval at most 2 s, with a timeout contact
        MissionSpec spec = awaitingApproval("waiting", "PT2S", "on-call@example.org");
        commands.submit(new SubmitMission(spec, "it.yaml"));
        // When nobody approves it
        await().atMost(PATIENCE).until(() -> probe.types("waiting").contains("MissionPaused"));
        // Then it is cancelled with CONFIRMATION_TIMEOUT and a TIMEOUT escalation is written
        await().atMost(PATIENCE).until(() -> probe.types("waiting").contains("MissionCancelled"));
        MissionCancelled cancelled = probe.payloads("waiting", MissionCancelled.class).get(0);
        assertThat(cancelled.getReason()).isEqualTo("CONFIRMATION_TIMEOUT");
        BlackboardEvent paused = probe.events("waiting").stream()
                .filter(e -> e.getHeader().getType().equals("MissionPaused")).findFirst().orElseThrow();
        BlackboardEvent cancel = probe.events("waiting").stream()
                .filter(e -> e.getHeader().getType().equals("MissionCancelled")).findFirst().orElseThrow();
        assertThat(Duration.between(paused.getHeader().getOccurredAt(), cancel.getHeader().getOccurredAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(probe.payloads("waiting", Escalation.class)).singleElement().satisfies(escalation -> {
            assertThat(escalation.getSeverity()).isEqualTo("TIMEOUT");
            assertThat(escalation.getContact()).isEqualTo("on-call@example.org");
        });
        assertThat(probe.tasks("waiting")).isEmpty();
    }

    @Test
    void shouldEscalateThePublishedDigestOnceToTheDigestContact() throws Exception {
        // Given a planned mission whose digest contact is a Kafka topic
        MissionSpec spec = mission("digested").setContactPolicy(new ContactPolicy("topic:" + topics.deadLetters(), "",
                "")).build();
        commands.submit(new SubmitMission(spec, "it.yaml"));
        await().atMost(PATIENCE).until(() -> probe.tasks("digested").size() == 3);
        // When its digest is published, and delivered twice
        BlackboardEvent digest = Events.create(EventOrigin.mission("digested", "digest/it"),
                dev.swarmboard.schema.event.DigestPublished.newBuilder().setBluf("all three lanes passed")
                        .setMarkdown("# digested").setHeadHash("h").setVerdictEventId("v")
                        .setReportPath("reports/digested.md").build(), Instant.now(), "digested", "DigestPublished");
        probe.append(digest);
        probe.append(digest);
        // Then one DIGEST escalation is written, and its JSON lands on the contact's topic keyed by mission
        await().atMost(PATIENCE).until(() -> probe.records(topics.deadLetters(), false).stream()
                .anyMatch(record -> "digested".equals(new String(record.key(), StandardCharsets.UTF_8))));
        assertThat(probe.payloads("digested", Escalation.class)).singleElement().satisfies(escalation -> {
            assertThat(escalation.getSeverity()).isEqualTo("DIGEST");
            assertThat(escalation.getMessage()).contains("all three lanes passed").contains("reports/digested.md");
        });
    }

    /** The verifier's FAIL verdict on the mission's first round. */
    static BlackboardEvent failedVerdict(KafkaProbe probe, String missionId) {
        String planId = probe.payloads(missionId, PlanIssued.class).get(0).getPlan().getPlanId();
        QuorumReached payload = new QuorumReached(1, "FAIL", List.of(new Vote("verifier_aux", false,
                List.of("placeholder_scan failed"), List.of("gaps"))), 2, List.of("gaps"), List.of(), "head", 0L,
                planId);
        EventOrigin origin = EventOrigin.mission(missionId, "verifier/it").forLane(null, 1);
        return Events.create(origin, payload, Instant.now(), missionId, "QuorumReached", "1");
    }
}
