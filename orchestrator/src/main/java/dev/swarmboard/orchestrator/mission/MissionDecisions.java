package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.topic.TopicCatalogue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Approve and cancel as a person issues them, from the CLI or the console: send the command, then
 * wait for the orchestrator's answer to exactly that command. Empty when no answer came in time.
 */
public final class MissionDecisions {

    private final Map<String, Object> clientProperties;
    private final TopicCatalogue catalogue;
    private final Codecs codecs;
    private final Duration timeout;

    public MissionDecisions(Map<String, Object> clientProperties, TopicCatalogue catalogue, Codecs codecs,
                            Duration timeout) {
        this.clientProperties = clientProperties;
        this.catalogue = catalogue;
        this.codecs = codecs;
        this.timeout = timeout;
    }

    public Optional<CommandAnswer> approve(String issuedBy, String missionId, String planId, String note) {
        try (CommandAwait await = CommandAwait.open(clientProperties, catalogue, codecs, missionId);
             MissionCommands commands = MissionCommands.create(clientProperties, catalogue, codecs, issuedBy)) {
            return await.answer(commands.approve(missionId, planId, note).commandId(), timeout);
        }
    }

    public Optional<CommandAnswer> cancel(String issuedBy, String missionId, String reason) {
        try (CommandAwait await = CommandAwait.open(clientProperties, catalogue, codecs, missionId);
             MissionCommands commands = MissionCommands.create(clientProperties, catalogue, codecs, issuedBy)) {
            return await.answer(commands.cancel(missionId, reason).commandId(), timeout);
        }
    }

    public Duration timeout() {
        return timeout;
    }
}
