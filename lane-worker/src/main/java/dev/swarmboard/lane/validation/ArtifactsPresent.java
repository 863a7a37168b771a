package dev.swarmboard.lane.validation;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.event.StageCompleted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code artifacts_present}: every required artifact has a receipt in this attempt, the receipt still
 * hashes to its header's content hash, its output hash is the SHA-256 of its output, and the output
 * parses as YAML.
 */
public final class ArtifactsPresent implements YieldCheck {

    public static final String NAME = "artifacts_present";

    @Override
    public CheckResult check(LaneEvidence evidence) {
        if (evidence.requiredArtifacts().isEmpty()) {
            return YieldCheck.failed(NAME, "the lane names no required artifact");
        }
        List<String> problems = new ArrayList<>();
        for (String artifact : evidence.requiredArtifacts()) {
            Optional<BlackboardEvent> receipt = evidence.artifactReceipt(artifact);
            if (receipt.isEmpty()) {
                problems.add(artifact + ": no receipt carries it");
            } else {
                problems.addAll(problems(artifact, receipt.get()));
            }
        }
        return YieldCheck.of(NAME, problems,
                String.join(", ", evidence.requiredArtifacts()) + " present, hash-intact and YAML");
    }

    private static List<String> problems(String artifact, BlackboardEvent receipt) {
        List<String> problems = new ArrayList<>();
        StageCompleted stage = LaneEvidence.stage(receipt);
        if (!Events.hashIntact(receipt)) {
            problems.add(artifact + ": receipt " + receipt.getHeader().getEventId()
                    + " does not hash to its content hash");
        }
        if (!outputHash(stage.getOutput()).equals(stage.getOutputHash())) {
            problems.add(artifact + ": output hash " + stage.getOutputHash() + " is not the SHA-256 of its output");
        }
        ArtifactYaml.Parsed parsed = ArtifactYaml.parse(stage.getOutput());
        if (!parsed.ok()) {
            problems.add(artifact + ": " + parsed.error());
        }
        return problems;
    }

    /** Hex SHA-256 of a text's UTF-8 bytes: how receipts hash model and tool output. */
    public static String outputHash(String output) {
        return ContentHash.sha256Hex(output.getBytes(StandardCharsets.UTF_8));
    }
}
