package dev.swarmboard.cli.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.acl.Principals;
import dev.swarmboard.acl.ServiceRole;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.SecureMissions;
import dev.swarmboard.cli.SwarmCommand;
import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.lane.backlog.Backlog;
import dev.swarmboard.lane.backlog.ShareGroupBacklog;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mission on a secured broker (SASL_SSL, SCRAM-SHA-512, the standard authorizer) with every
 * service logged in as its own user and held to exactly the ACLs {@code swarm acls} derives; and what
 * those ACLs refuse. One broker for the whole class.
 */
class SecureMissionIT {

    private static final String PREFIX = "secure.";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Principals PRINCIPALS = Principals.defaults();
    private static final Duration MISSION_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path dir;

    private static LocalKafka kafka;
    private static SwarmStack stack;
    private static Map<ServiceRole, Path> configs;
    private static Codecs codecs;
    private static String missionId;
    private static MissionStatus outcome;

    @BeforeAll
    static void runTheDemoMissionWithEveryServiceUnderItsOwnUser() {
        kafka = new LocalKafka(LocalKafkaConfig.defaults().withDataDir(dir.resolve("kafka"))
                .withSecurity(SecureCluster.users(PRINCIPALS))).start();
        SecureCluster.applyAcls(kafka, PRINCIPALS, CATALOGUE);
        configs = SecureCluster.writeClientConfigs(kafka, PRINCIPALS, dir.resolve("clients"));
        BlackboardSetup.provision(client(ServiceRole.ADMIN), CATALOGUE);
        codecs = BlackboardSetup.prepare(client(ServiceRole.CLI), CATALOGUE);

        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path capabilities = repo.resolve("examples/capabilities/offline.yaml");
        Path workflows = repo.resolve("examples/workflows");
        StackSettings settings = new StackSettings(kafka.bootstrapServers(), dir, capabilities, workflows,
                dir.resolve("reports"), 1);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SWARM_TOPIC_PREFIX", PREFIX);
        stack = SwarmStack.start(settings.environment(env), 1, StackKeys.NONE, configs);

        missionId = "secure-demo";
        outcome = SecureMissions.submitAndFollow(client(ServiceRole.CLI), CATALOGUE, codecs,
                repo.resolve("examples/missions/demo.yaml"), capabilities, workflows, missionId, MISSION_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void shouldPublishTheDigestWithEachServiceHeldToItsOwnAcls() {
        // Then the mission completed and its digest is on the blackboard
        assertThat(outcome.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        List<RecordedEvent> events;
        try (BlackboardReader reader = new BlackboardReader(client(ServiceRole.CLI), CATALOGUE, codecs)) {
            events = reader.readMission(missionId).events();
        }
        assertThat(events).anySatisfy(event -> assertThat(event.event().getPayload()).isInstanceOf(DigestPublished.class));
        assertThat(dir.resolve("reports").resolve(missionId + ".md")).exists();
    }

    @Test
    void shouldApplyTheSameAclsAgainThroughSwarmAclsAsTheAdmin() {
        // When swarm acls --apply runs with the admin's client config file against the cluster already holding them
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = SwarmCommand.execute("acls", "--apply", "--bootstrap", kafka.bootstrapServers(),
                    "--kafka-config", configs.get(ServiceRole.ADMIN).toString(), "--topic-prefix", PREFIX);
        } finally {
            System.setOut(original);
        }

        // Then it succeeds (creating an existing binding changes nothing) and says how many it applied
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("User:swarm-lane-worker")
                .containsPattern("applied \\d+ ACL bindings for 7 principals");
    }

    @Test
    void shouldMeasureTheBacklogWithNothingButTheBacklogUsersDescribeRights() {
        // When the backlog user measures the lane workers' share group on lane-tasks
        try (Admin admin = Admin.create(client(ServiceRole.BACKLOG))) {
            Backlog backlog = new ShareGroupBacklog(admin, CATALOGUE.clients().laneWorkerShareGroup(),
                    CATALOGUE.laneTasks(), Duration.ofSeconds(60)).measure();

            // Then the broker answered for every partition: describing topic and group is all it takes
            assertThat(backlog.partitions()).hasSize(CATALOGUE.laneTaskPartitions());
            assertThat(backlog.total()).isNotNegative();
        }
    }

    @Test
    void shouldRefuseALaneWorkerWritingMissionCommands() {
        // When the lane worker's user produces to the missions topic, Then the broker refuses the topic
        assertThatThrownBy(() -> send(ServiceRole.LANE_WORKER, CATALOGUE.missions()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void shouldRefuseTheDigestDispatchingLaneTasks() {
        // When the digest's user produces to lane-tasks, Then the broker refuses the topic
        assertThatThrownBy(() -> send(ServiceRole.DIGEST, CATALOGUE.laneTasks()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void shouldRefuseALaneWorkerReadingTheOrchestratorsOffsets() {
        // When the lane worker's user lists the orchestrator group's committed offsets
        try (Admin admin = Admin.create(client(ServiceRole.LANE_WORKER))) {
            // Then the broker refuses the group
            assertThatThrownBy(() -> admin.listConsumerGroupOffsets(CATALOGUE.clients().orchestratorGroup())
                    .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseALaneWorkerFencingTheOrchestratorsTransactions() {
        // Given a producer of the lane worker's user claiming the orchestrator's transactional id
        Map<String, Object> properties = client(ServiceRole.LANE_WORKER);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, CATALOGUE.clients().orchestratorTransactionalId());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            // When it initialises transactions, Then the broker refuses the id: the orchestrator is not fenced
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    private static void send(ServiceRole role, String topic) throws Exception {
        Map<String, Object> properties = client(role);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, new byte[] {1})).get(60, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> client(ServiceRole role) {
        return new HashMap<>(kafka.clientProperties(PRINCIPALS.userName(role)));
    }
}
