package dev.swarmboard.cli;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Submits a mission file the way {@code swarm submit --wait} does, for ITs outside this package. */
public final class SecureMissions {

    private SecureMissions() {
    }

    /** Validates, submits under {@code missionId} and follows the mission until it ends or the timeout passes. */
    public static MissionStatus submitAndFollow(Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs,
                                                Path mission, Path capabilities, Path workflows, String missionId,
                                                Duration timeout) {
        SubmitMission submission = MissionCommand.validate(mission, capabilities, workflows);
        submission.getMission().setMissionId(missionId);
        MissionStatus status = MissionCommand.submit(client, catalogue, codecs, submission);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return MissionCommand.follow(client, catalogue, codecs, missionId, status, timeout, quiet);
    }
}
