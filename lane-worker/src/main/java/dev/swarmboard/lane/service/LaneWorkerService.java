package dev.swarmboard.lane.service;

import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.SecretResolver;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.lane.consume.DeadLetterSink;
import dev.swarmboard.lane.consume.LaneSlot;
import dev.swarmboard.lane.consume.LaneTaskHandler;
import dev.swarmboard.lane.consume.ShareGroupSetup;
import dev.swarmboard.lane.model.ModelKeys;
import dev.swarmboard.lane.model.ModelProviders;
import dev.swarmboard.lane.run.FencedBlackboards;
import dev.swarmboard.lane.run.LaneRunner;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.workspace.LaneDirectories;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane-worker service: {@code concurrency} lane slots, each a share consumer of the lane-tasks topic
 * with its own blackboard (reader, and per delivery a fenced attempt writer), sharing one dead-letter producer, the model
 * providers and the tool runner. Start loads the registry (fail-closed), sets the share group to read
 * from the earliest task, publishes this build's schemas and starts the slots; stop lets running lanes
 * finish within the shutdown grace, releases the rest, then closes everything in reverse order.
 */
public final class LaneWorkerService implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(LaneWorkerService.class);

    private final LaneWorkerConfig config;
    private final Map<String, Object> clientProperties;
    private final Tracing tracing;
    private final List<LaneSlot> slots = new ArrayList<>();
    private final List<Thread> slotThreads = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ExecutorService lanes;
    private ExecutorService calls;
    private boolean started;

    public LaneWorkerService(LaneWorkerConfig config, Map<String, Object> clientProperties) {
        this(config, clientProperties, Tracing.off());
    }

    /** A worker whose lanes are traced by {@code tracing}, which it closes when it stops. */
    public LaneWorkerService(LaneWorkerConfig config, Map<String, Object> clientProperties, Tracing tracing) {
        this.config = config;
        this.clientProperties = Map.copyOf(clientProperties);
        this.tracing = tracing;
    }

    /** The service as configured by {@code SWARM_*}, {@code KAFKA_*} and {@code OTEL_*} environment variables. */
    public static LaneWorkerService fromEnvironment(Map<String, String> env) {
        LaneWorkerConfig config = LaneWorkerConfig.fromEnvironment(env);
        return new LaneWorkerService(config, config.common().clientProperties(env),
                Tracing.forService("lane-worker", env));
    }

    @Override
    public String name() {
        return "lane-worker";
    }

    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("lane worker already started");
        }
        started = true;
        CapabilityRegistry registry = CapabilityRegistry.load(config.capabilities());
        TopicCatalogue catalogue = config.common().catalogue();
        int deliveryLimit;
        try (Admin admin = Admin.create(clientProperties)) {
            // Topics are created only by `swarm topics`: a missing one fails here, naming it.
            new TopicProvisioner(admin).verify(catalogue);
            ShareGroupSetup.configure(admin, config.groupId());
            deliveryLimit = ShareGroupSetup.deliveryLimit(admin, config.groupId());
        }
        Codecs codecs = Codecs.create();
        SchemaTopic schemas = new SchemaTopic(clientProperties, catalogue.schemas());
        schemas.publishCurrent();
        schemas.loadInto(codecs.registry());
        String instance = config.common().instanceId();
        manage(tracing);
        DeadLetterSink deadLetters = manage(new DeadLetterSink(clientProperties, catalogue.deadLetters(), instance));
        lanes = Executors.newFixedThreadPool(config.concurrency(), named("lane"));
        calls = Executors.newCachedThreadPool(named("lane-call"));
        ModelKeys keys = ModelKeys.forRegistry(registry, SecretResolver.fromSystemEnvironment());
        LaneRunner runner = new LaneRunner(registry, ModelProviders.forRegistry(registry, keys),
                ToolRunner.forWorker(keys.redactor()), calls, prepareWorkspace(), "lane-worker/" + instance,
                Clock.systemUTC(), tracing);
        LaneTaskHandler handler = new LaneTaskHandler(codecs.laneTasks().codec()::decode, runner, deadLetters,
                "lane-worker/" + instance, Clock.systemUTC(), deliveryLimit);
        for (int i = 0; i < config.concurrency(); i++) {
            startSlot(i, catalogue, codecs, handler);
        }
        LOG.info("lane worker {} started: {} slots on {} in share group {} (delivery limit {}), registry {}"
                + " ({} models, {} tools)", instance, config.concurrency(), catalogue.laneTasks(), config.groupId(),
                deliveryLimit, config.capabilities(), registry.models().size(), registry.tools().size());
        config.common().signing().logAtStart("lane worker " + config.common().instanceId());
    }

    private Path prepareWorkspace() {
        try {
            return LaneDirectories.prepareRoot(config.workspace());
        } catch (IOException e) {
            throw new UncheckedIOException("lane workspace root refused: " + e.getMessage(), e);
        }
    }

    private void startSlot(int index, TopicCatalogue catalogue, Codecs codecs, LaneTaskHandler handler) {
        String clientId = config.common().instanceId() + "-lane-slot-" + index;
        FencedBlackboards blackboard = manage(new FencedBlackboards(clientProperties, catalogue, codecs, clientId,
                "lane-worker/" + config.common().instanceId(), config.common().signing()));
        LaneSlot slot = new LaneSlot(new KafkaShareConsumer<>(consumerProperties(index), new StringDeserializer(),
                new ByteArrayDeserializer()), catalogue.laneTasks(), record -> handler.handle(record, blackboard),
                lanes, config.renewInterval(), config.shutdownGrace());
        Thread thread = new Thread(slot, "lane-slot-" + index);
        slots.add(slot);
        slotThreads.add(thread);
        thread.start();
    }

    /** Share consumer settings of one slot: explicit acknowledgement, one record at a time. */
    Map<String, Object> consumerProperties(int slot) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.common().instanceId() + "-lane-slot-" + slot);
        properties.put("share.acknowledgement.mode", "explicit");
        properties.put("share.acquire.mode", "record_limit");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return properties;
    }

    @Override
    public synchronized void stop() {
        slots.forEach(LaneSlot::stop);
        for (Thread thread : slotThreads) {
            try {
                thread.join(config.shutdownGrace().toMillis() + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lanes != null) {
            lanes.shutdownNow();
            calls.shutdownNow();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            close(resources.get(i));
        }
        resources.clear();
        slots.clear();
        slotThreads.clear();
    }

    @Override
    public boolean isHealthy() {
        List<LaneSlot> current = List.copyOf(slots);
        return !current.isEmpty() && current.stream().allMatch(LaneSlot::isRunning);
    }

    @Override
    public boolean isReady() {
        List<LaneSlot> current = List.copyOf(slots);
        return !current.isEmpty() && current.stream().allMatch(LaneSlot::isReady);
    }

    private <T extends AutoCloseable> T manage(T resource) {
        resources.add(resource);
        return resource;
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("error while closing {}", resource, e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + count.incrementAndGet());
    }
}
