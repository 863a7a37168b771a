package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.swarmboard.blackboard.MissionPartition;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.missionindex.IndexEntry;
import dev.swarmboard.missionindex.MissionIndex;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.escalation.EscalationSettings;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the orchestrator owes its missions survives its restart, on a real broker: a pause whose
 * confirmation timeout passed while no orchestrator ran is cancelled by the next instance and
 * escalated once, and an escalation whose webhook failed before the stop is delivered after it. Each
 * test runs consecutive orchestrator instances (one at a time, same transactional id) on topics of
 * its own, with a local HTTP server as the webhook.
 */
class OrchestratorRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicBoolean failing = new AtomicBoolean();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private LocalWebhook webhook;
    private String prefix;
    private TopicCatalogue topics;
    private Map<String, Object> client;
    private OrchestratorService running;

    @BeforeEach
    void start() throws Exception {
        webhook = new LocalWebhook(call -> failing.get() ? 500 : 200);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        prefix = KafkaFixture.uniqueName("restart") + ".";
        topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
        webhook.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void shouldCancelAPauseWhoseTimeoutPassedWhileTheOrchestratorWasDownAndEscalateItOnce() {
        // Given a mission paused for approval under a one-hour confirmation timeout, with a webhook
        // timeout contact, and the orchestrator that paused it stopped
        MissionSpec spec = EscalationIT.awaitingApproval("waiting", "PT1H", "webhook:env:SWARM_WEBHOOK_IT");
        restart(Clock.systemUTC(), 200);
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
             KafkaProbe probe = new KafkaProbe(client, topics)) {
            commands.submit(new SubmitMission(spec, "it.yaml"));
            await().atMost(PATIENCE).until(() -> probe.types("waiting").contains("MissionPaused"));
            assertThat(openFollowUps("waiting")).extracting(IndexEntry.FollowUp::kind).containsExactly("paused");
            running.stop();
            running = null;

            // When a new instance starts two hours later
            restart(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)), 200);

            // Then it cancels the mission with CONFIRMATION_TIMEOUT and delivers the escalation once
            await().atMost(PATIENCE).until(() -> probe.payloads("waiting", EscalationAttempt.class).size() == 1);
            assertThat(probe.payloads("waiting", MissionCancelled.class)).singleElement()
                    .satisfies(cancelled -> assertThat(cancelled.getReason()).isEqualTo("CONFIRMATION_TIMEOUT"));
            assertThat(probe.payloads("waiting", EscalationAttempt.class)).extracting(EscalationAttempt::getOutcome)
                    .containsExactly("DELIVERED");
            assertThat(webhook.calls()).isEqualTo(1);
            await().atMost(PATIENCE).until(() -> openFollowUps("waiting").isEmpty());

            // And a third instance, later still, cancels and escalates nothing again
            int recoveries = recoveries();
            restart(Clock.offset(Clock.systemUTC(), Duration.ofHours(3)), 200);
            await().atMost(PATIENCE).until(() -> recoveries() > recoveries);
            assertThat(probe.payloads("waiting", MissionCancelled.class)).hasSize(1);
            assertThat(probe.payloads("waiting", Escalation.class)).singleElement()
                    .satisfies(escalation -> assertThat(escalation.getSeverity()).isEqualTo("TIMEOUT"));
            assertThat(probe.payloads("waiting", EscalationAttempt.class)).hasSize(1);
            assertThat(webhook.calls()).isEqualTo(1);
            assertNoSecret(probe);
        }
    }

    @Test
    void shouldDeliverAfterARestartAnEscalationWhoseWebhookFailedBeforeTheStop() throws Exception {
        // Given a failed mission whose critical webhook answered 500 once, its retry a minute away,
        // when the orchestrator stops
        failing.set(true);
        MissionSpec spec = mission("hooked").setMaxReruns(0)
                .setContactPolicy(new ContactPolicy("", "webhook:env:SWARM_WEBHOOK_IT", "")).build();
        restart(Clock.systemUTC(), 60_000);
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
             KafkaProbe probe = new KafkaProbe(client, topics)) {
            commands.submit(new SubmitMission(spec, "it.yaml"));
            await().atMost(PATIENCE).until(() -> probe.tasks("hooked").size() == 3);
            probe.append(EscalationIT.failedVerdict(probe, "hooked"));
            await().atMost(PATIENCE).until(() -> probe.payloads("hooked", EscalationAttempt.class).size() == 1);
            assertThat(openFollowUps("hooked")).extracting(IndexEntry.FollowUp::kind).containsExactly("escalation");
            running.stop();
            running = null;

            // When the webhook recovers and a new instance starts
            failing.set(false);
            restart(Clock.systemUTC(), 200);

            // Then the escalation's second attempt is delivered, and nothing is sent twice
            await().atMost(PATIENCE).until(() -> probe.payloads("hooked", EscalationAttempt.class).size() == 2);
            assertThat(probe.payloads("hooked", EscalationAttempt.class)).extracting(EscalationAttempt::getAttempt,
                    EscalationAttempt::getOutcome, EscalationAttempt::getDetail).containsExactly(
                    tuple(1, "FAILED", "500"), tuple(2, "DELIVERED", "200"));
            assertThat(webhook.calls()).isEqualTo(2);
            await().atMost(PATIENCE).until(() -> openFollowUps("hooked").isEmpty());

            // And a third instance does not deliver it again
            int recoveries = recoveries();
            restart(Clock.systemUTC(), 200);
            await().atMost(PATIENCE).until(() -> recoveries() > recoveries);
            assertThat(probe.payloads("hooked", EscalationAttempt.class)).hasSize(2);
            assertThat(webhook.calls()).isEqualTo(2);
            assertNoSecret(probe);
        }
    }

    /** Stops the running instance, if any, and starts a new one with this clock and webhook backoff. */
    private void restart(Clock clock, int backoffMs) {
        if (running != null) {
            running.stop();
        }
        running = new OrchestratorService(OrchestratorServiceIT.config(prefix).withEscalations(
                EscalationSettings.fromEnvironment(Map.of("SWARM_WEBHOOK_IT", webhook.url(),
                        "SWARM_ESCALATION_BACKOFF_MS", Integer.toString(backoffMs),
                        "SWARM_ESCALATION_BACKOFF_MAX_MS", Integer.toString(backoffMs)))), client, clock,
                CommitHook.NONE);
        running.start();
        await().atMost(PATIENCE).until(running::isReady);
    }

    /** The mission's follow-ups the mission index holds open (all of known kinds). */
    private List<IndexEntry.FollowUp> openFollowUps(String missionId) {
        try (MissionIndex index = new MissionIndex(client, topics.missionIndex())) {
            return index.followUps(MissionPartition.of(missionId, topics.blackboardPartitions())).stream()
                    .map(IndexEntry.FollowUp.class::cast)
                    .filter(followUp -> followUp.missionId().equals(missionId)).toList();
        }
    }

    /** How many takeovers have recovered their follow-ups so far (one log line each). */
    private int recoveries() {
        return (int) logs.list.stream().filter(line -> line.getLoggerName().equals(FollowUpRecovery.class.getName()))
                .filter(line -> line.getFormattedMessage().startsWith("follow-ups of blackboard partitions")).count();
    }

    private void assertNoSecret(KafkaProbe probe) {
        EscalationIT.assertNotLeaked(probe, topics, logs, webhook.token(), LocalWebhook.SECRET_PATH);
    }
}
