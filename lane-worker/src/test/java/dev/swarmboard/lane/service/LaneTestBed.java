package dev.swarmboard.lane.service;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A private set of Swarmboard topics on the shared test broker, with what lane-worker tests need around
 * them: worker configs (for in-process services and for child JVMs), a task producer and a blackboard
 * reader.
 */
final class LaneTestBed implements AutoCloseable {

    static final Duration RENEW = Duration.ofSeconds(5);
    static final Duration GRACE = Duration.ofSeconds(10);

    final TopicCatalogue catalogue;
    final String group;
    final Codecs codecs = Codecs.create();
    final Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
    private final KafkaProducer<String, byte[]> producer;
    private final BlackboardReader reader;

    LaneTestBed(String name, int laneTaskPartitions) {
        String prefix = KafkaFixture.uniqueName(name) + ".";
        this.catalogue = new TopicCatalogue(prefix, 1, laneTaskPartitions, 3, null);
        this.group = prefix + "lane-workers";
        new TopicProvisioner(KafkaFixture.admin()).provision(catalogue);
        this.producer = new KafkaProducer<>(new HashMap<>(client), new StringSerializer(), new ByteArraySerializer());
        this.reader = new BlackboardReader(client, catalogue, codecs);
    }

    LaneWorkerService service(String instance, Path capabilities, int concurrency, Path workspace) {
        return service(instance, capabilities, concurrency, workspace, GRACE);
    }

    LaneWorkerService service(String instance, Path capabilities, int concurrency, Path workspace, Duration grace) {
        CommonConfig common = new CommonConfig(KafkaFixture.bootstrapServers(), null, catalogue.prefix(), -1, instance);
        return new LaneWorkerService(new LaneWorkerConfig(common, capabilities, concurrency, workspace, group, RENEW,
                grace), client);
    }

    /** Sets the share group's acquisition lock duration (the broker allows 15 s at the least). */
    void lockDuration(Duration lock) throws Exception {
        groupConfig("share.record.lock.duration.ms", Long.toString(lock.toMillis()));
    }

    /** Sets how many times the share group delivers a task at most (the broker allows 2 at the least). */
    void deliveryLimit(int limit) throws Exception {
        groupConfig("share.delivery.count.limit", Integer.toString(limit));
    }

    private void groupConfig(String name, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
        KafkaFixture.admin().incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get();
    }

    /** Every event id of the mission that was written with more than one content: conflicting copies. */
    Map<String, Set<String>> conflictingCopies(String missionId) {
        return events(missionId).stream().collect(Collectors.groupingBy(event -> event.getHeader().getEventId(),
                Collectors.mapping(event -> event.getHeader().getContentHash(), Collectors.toSet())))
                .entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The mission's LaneYielded and LaneFailed events, copies included. */
    List<BlackboardEvent> terminals(String missionId) {
        return events(missionId).stream().filter(event -> event.getHeader().getType().matches("LaneYielded|LaneFailed"))
                .toList();
    }

    /** The LaneStarted events of a mission as {@code worker#deliveryCount}. */
    List<String> starts(String missionId) {
        return events(missionId).stream().filter(event -> event.getPayload() instanceof LaneStarted)
                .map(event -> (LaneStarted) event.getPayload())
                .map(started -> started.getWorker() + "#" + started.getDeliveryCount()).toList();
    }

    /** The environment of a {@link LaneWorkerMain} child process with the same settings. */
    Map<String, String> environment(String instance, Path capabilities, int concurrency, Path workspace) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers(),
                "SWARM_TOPIC_PREFIX", catalogue.prefix(),
                "SWARM_INSTANCE_ID", instance,
                "SWARM_CAPABILITIES", capabilities.toString(),
                "SWARM_LANE_CONCURRENCY", Integer.toString(concurrency),
                "SWARM_LANE_WORKSPACE", workspace.toString(),
                "SWARM_LANE_GROUP", group,
                "SWARM_LANE_RENEW_MS", Long.toString(RENEW.toMillis()),
                "SWARM_LANE_SHUTDOWN_GRACE_MS", Long.toString(GRACE.toMillis()));
    }

    void submit(RunLane task) {
        send(task.getMissionId() + "/" + task.getLane().getLaneId(), codecs.laneTasks().codec().encode(task));
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(catalogue.laneTasks(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The mission's events in log order, duplicates included. */
    synchronized List<BlackboardEvent> events(String missionId) {
        return reader.readMission(missionId).events().stream().map(RecordedEvent::event).toList();
    }

    synchronized List<String> types(String missionId) {
        return events(missionId).stream().map(event -> event.getHeader().getType()).toList();
    }

    @Override
    public void close() {
        producer.close();
        reader.close();
    }
}
