package dev.swarmboard.orchestrator.service;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.orchestrator.escalation.EscalationSettings;
import dev.swarmboard.topic.ClientNames;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of the orchestrator: the shared ones, the capability registry file, the workflows
 * directory, the consumer group and transactional id, and the environment's stage token caps. The transactional id must be stable
 * across restarts (a restarted instance then fences its predecessor and aborts its open
 * transaction) and distinct per active instance.
 */
public record OrchestratorConfig(CommonConfig common, Path capabilitiesFile, Path workflowsDir, String groupId,
                                 String transactionalId, TokenDefaults tokenDefaults,
                                 EscalationSettings escalations) {

    public static final ConfigParameter<String> CAPABILITIES = ConfigParameter.string(
            "SWARM_CAPABILITIES", "examples/capabilities/offline.yaml", "Capability registry YAML file");
    public static final ConfigParameter<String> WORKFLOWS = ConfigParameter.string(
            "SWARM_WORKFLOWS", null, "Directory of workflow YAML files (unset: only the built-in prey)");
    public static final ConfigParameter<String> GROUP = ConfigParameter.string(
            "SWARM_ORCHESTRATOR_GROUP", null,
            "Consumer group of the orchestrator (default <topic prefix>orchestrator)");
    public static final ConfigParameter<String> TRANSACTIONAL_ID = ConfigParameter.string(
            "SWARM_ORCHESTRATOR_TRANSACTIONAL_ID", null,
            "Transactional id, stable across restarts, one per active instance (default <topic prefix>orchestrator)");

    /** The orchestrator's own parameters (the shared ones are in {@link CommonConfig#PARAMETERS}). */
    public static final List<ConfigParameter<?>> PARAMETERS =
            List.of(CAPABILITIES, CapabilityRegistry.STRICT, WORKFLOWS, GROUP, TRANSACTIONAL_ID,
                    TokenDefaults.SWARM_MAX_TOKENS, TokenDefaults.OPENROUTER_MAX_TOKENS, EscalationSettings.ATTEMPTS,
                    EscalationSettings.BACKOFF_MS, EscalationSettings.BACKOFF_MAX_MS, EscalationSettings.TIMEOUT_MS);

    public static OrchestratorConfig fromEnvironment(Map<String, String> env) {
        return of(CommonConfig.fromEnvironment(env), Path.of(CAPABILITIES.resolve(env)),
                WORKFLOWS.resolve(env) == null ? null : Path.of(WORKFLOWS.resolve(env)),
                GROUP.resolve(env), TRANSACTIONAL_ID.resolve(env)).withTokenDefaults(TokenDefaults.fromEnvironment(env))
                .withEscalations(EscalationSettings.fromEnvironment(env));
    }

    /** This config with the environment's stage token caps. */
    public OrchestratorConfig withTokenDefaults(TokenDefaults defaults) {
        return new OrchestratorConfig(common, capabilitiesFile, workflowsDir, groupId, transactionalId, defaults,
                escalations);
    }

    /** This config with these escalation settings (webhook backoff and the environment holding webhook URLs). */
    public OrchestratorConfig withEscalations(EscalationSettings settings) {
        return new OrchestratorConfig(common, capabilitiesFile, workflowsDir, groupId, transactionalId, tokenDefaults,
                settings);
    }

    /** A config whose unset group and transactional id default to {@code <topic prefix>orchestrator}. */
    public static OrchestratorConfig of(CommonConfig common, Path capabilitiesFile, Path workflowsDir, String groupId,
                                        String transactionalId) {
        ClientNames names = common.catalogue().clients();
        return new OrchestratorConfig(common, capabilitiesFile, workflowsDir,
                groupId == null ? names.orchestratorGroup() : groupId,
                transactionalId == null ? names.orchestratorTransactionalId() : transactionalId,
                TokenDefaults.NONE, EscalationSettings.defaults());
    }
}
