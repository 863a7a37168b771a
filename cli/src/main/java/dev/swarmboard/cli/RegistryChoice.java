package dev.swarmboard.cli;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.Parsed;
import dev.swarmboard.orchestrator.registry.PublishedRegistry;
import dev.swarmboard.orchestrator.registry.RegistryTopic;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.orchestrator.workflow.WorkflowCatalogue;
import dev.swarmboard.orchestrator.workflow.WorkflowReader;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which registry and workflows {@code swarm submit} validates against: the ones the orchestrator
 * published when it is there (a local {@code --capabilities}/{@code --workflows} must then have the
 * same content, else the submission is refused naming both hashes), else the local files (offline
 * use; {@code $SWARM_CAPABILITIES} and the built-in workflows by default).
 */
final class RegistryChoice {

    private RegistryChoice() {
    }

    static MissionValidator validator(Optional<PublishedRegistry> published, Path capabilities, Path workflows,
                                      String topic, PrintStream notes) {
        if (published.isEmpty()) {
            Path registry = capabilities != null ? capabilities : MissionCommand.defaultCapabilities();
            notes.println("note: no registry published on " + topic + " (has an orchestrator started?); validating"
                    + " against the local " + registry + (workflows == null ? " and the built-in workflows" : " and " + workflows));
            return MissionCommand.validator(registry, workflows);
        }
        PublishedRegistry running = published.get();
        if (capabilities != null && !PublishedRegistry.registryHashOf(capabilities).equals(running.registryHash())) {
            throw new UsageException("REGISTRY_MISMATCH at --capabilities: " + capabilities + " (sha256 "
                    + abbreviate(PublishedRegistry.registryHashOf(capabilities)) + ") is not the registry the orchestrator"
                    + " runs (sha256 " + abbreviate(running.registryHash()) + ", published by " + running.publishedBy()
                    + " at " + running.publishedAt() + "); drop --capabilities to validate against the published one,"
                    + " or restart the orchestrator with this file");
        }
        if (workflows != null && !PublishedRegistry.workflowsHashOf(workflows).equals(running.workflowsHash())) {
            throw new UsageException("REGISTRY_MISMATCH at --workflows: " + workflows + " (sha256 "
                    + abbreviate(PublishedRegistry.workflowsHashOf(workflows)) + ") are not the workflows the orchestrator"
                    + " runs (sha256 " + abbreviate(running.workflowsHash()) + ", " + running.workflows().keySet()
                    + "); drop --workflows to validate against the published ones, or restart the orchestrator with them");
        }
        return published(running);
    }

    static Optional<PublishedRegistry> read(Map<String, Object> client, TopicCatalogue catalogue) {
        return RegistryTopic.latest(client, catalogue.registry());
    }

    private static MissionValidator published(PublishedRegistry running) {
        CapabilityRegistry registry = CapabilityRegistry.parse(running.registry(), Path.of(running.registryDir()))
                .orThrow("the published registry");
        List<Workflow> workflows = new ArrayList<>();
        running.workflows().forEach((name, body) -> {
            Parsed<Workflow> parsed = WorkflowReader.read(body);
            workflows.add(parsed.orThrow("the published workflow " + name));
        });
        return new MissionValidator(registry, WorkflowCatalogue.of(workflows));
    }

    private static String abbreviate(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
