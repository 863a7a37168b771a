package dev.swarmboard.orchestrator.service;

import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.decision.Decider;
import dev.swarmboard.orchestrator.registry.PublishedRegistry;
import dev.swarmboard.orchestrator.registry.RegistryTopic;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicProvisioner;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator service: loads the capability registry and workflows (refusing to start on any
 * error), checks the topic catalogue (it creates no topic), publishes its writer schemas and the
 * registry and workflows it runs with (for {@code swarm submit} to validate against), refuses to
 * start while a live instance uses its transactional id, and runs the transactional loop on its own
 * thread. It plans
 * missions and reacts to verdicts; it never calls a model or a tool.
 */
public final class OrchestratorService implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorService.class);

    private final OrchestratorConfig config;
    private final Map<String, Object> clientProperties;
    private final Clock clock;
    private final CommitHook hook;
    private final Tracing tracing;
    private volatile TransactionalLoop loop;
    private Thread thread;

    public OrchestratorService(OrchestratorConfig config, Map<String, Object> clientProperties) {
        this(config, clientProperties, Tracing.off());
    }

    /** A service whose spans go to {@code tracing}, which it closes when it stops. */
    public OrchestratorService(OrchestratorConfig config, Map<String, Object> clientProperties, Tracing tracing) {
        this(config, clientProperties, Clock.systemUTC(), CommitHook.NONE, tracing);
    }

    OrchestratorService(OrchestratorConfig config, Map<String, Object> clientProperties, Clock clock,
                        CommitHook hook) {
        this(config, clientProperties, clock, hook, Tracing.off());
    }

    private OrchestratorService(OrchestratorConfig config, Map<String, Object> clientProperties, Clock clock,
                                CommitHook hook, Tracing tracing) {
        this.config = config;
        this.clientProperties = Map.copyOf(clientProperties);
        this.clock = clock;
        this.hook = hook;
        this.tracing = tracing;
    }

    /** The service as configured by {@code SWARM_*} and {@code KAFKA_*} environment variables. */
    public static OrchestratorService fromEnvironment(Map<String, String> env) {
        OrchestratorConfig config = OrchestratorConfig.fromEnvironment(env);
        return new OrchestratorService(config, config.common().clientProperties(env),
                Tracing.forService("orchestrator", env));
    }

    @Override
    public String name() {
        return "orchestrator";
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            throw new IllegalStateException("orchestrator already started");
        }
        CapabilityRegistry registry = CapabilityRegistry.load(config.capabilitiesFile());
        WorkflowCatalogue workflows = config.workflowsDir() == null ? WorkflowCatalogue.builtIn()
                : WorkflowCatalogue.load(config.workflowsDir());
        LOG.info("orchestrator {}: registry {} ({} models, {} tools), workflows {}", config.common().instanceId(),
                config.capabilitiesFile(), registry.models().size(), registry.tools().size(), workflows.names());
        config.common().signing().logAtStart("orchestrator");
        Codecs codecs = Codecs.create();
        try (Admin admin = Admin.create(clientProperties)) {
            new TopicProvisioner(admin).verify(config.common().catalogue());
        }
        SchemaTopic schemas = new SchemaTopic(clientProperties, config.common().catalogue().schemas());
        schemas.publishCurrent();
        schemas.loadInto(codecs.registry());
        PublishedRegistry published = PublishedRegistry.of(config.capabilitiesFile(), config.workflowsDir(),
                "orchestrator/" + config.common().instanceId(), clock.instant().toString());
        RegistryTopic.publish(clientProperties, config.common().catalogue().registry(), published);
        LOG.info("orchestrator {}: published registry {} and workflows {} to {}", config.common().instanceId(),
                published.registryHash().substring(0, 12), published.workflowsHash().substring(0, 12),
                config.common().catalogue().registry());
        Decider decider = new Decider(new MissionValidator(registry, workflows, config.tokenDefaults()),
                "orchestrator/" + config.common().instanceId());
        TransactionalLoop created = new TransactionalLoop(config, clientProperties, codecs, decider, clock, hook,
                tracing);
        try (Admin admin = Admin.create(clientProperties)) {
            created.open(admin);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        loop = created;
        thread = new Thread(loop::run, "orchestrator-loop");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        loop = null;
        tracing.close();
    }

    @Override
    public boolean isHealthy() {
        TransactionalLoop current = loop;
        return current != null && current.healthy();
    }

    @Override
    public String failure() {
        TransactionalLoop current = loop;
        return current == null ? "not started" : current.failure();
    }

    @Override
    public boolean isReady() {
        TransactionalLoop current = loop;
        return current != null && current.ready();
    }
}
