package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.orchestrator.mission.CommandAnswer;
import dev.swarmboard.orchestrator.mission.MissionDecisions;
import dev.swarmboard.text.ShownText;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import dev.swarmboard.orchestrator.validation.MissionLimits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarm approve} and {@code swarm cancel}: decisions on a paused (or running) mission. Each waits
 * for the orchestrator's answer to its command and exits 0 when it took effect, 1 with the reasons
 * when it was refused (NOT_PAUSED, UNKNOWN_MISSION …), 4 when no answer came in time.
 */
final class DecideCommands {

    private DecideCommands() {
    }

    @Command(name = "approve", description = "Approve a paused mission's proposed plan and wait for the orchestrator's answer.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(index = "0", paramLabel = "MISSION", description = "Id of the mission.")
        String missionId;

        @Option(names = "--answer-timeout", defaultValue = "30", paramLabel = "S",
                description = "Seconds to wait for the orchestrator's answer (default ${DEFAULT-VALUE}; then exit 4).")
        long answerSeconds;

        @Option(names = "--plan", paramLabel = "PLAN", description = "Plan id being approved (default: the latest proposal).")
        String planId = "";

        @Option(names = "--note", description = "Why, for the audit trail.")
        String note = "";

        @Override
        public Integer call() {
            checkText("--note", note);
            return report(missionId, decisions(kafka, answerSeconds)
                    .approve(MissionCommand.issuer(), missionId, planId, note), answerSeconds);
        }
    }

    @Command(name = "cancel", description = "Cancel a mission, with a reason, and wait for the orchestrator's answer.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(index = "0", paramLabel = "MISSION", description = "Id of the mission.")
        String missionId;

        @Option(names = "--answer-timeout", defaultValue = "30", paramLabel = "S",
                description = "Seconds to wait for the orchestrator's answer (default ${DEFAULT-VALUE}; then exit 4).")
        long answerSeconds;

        @Option(names = "--reason", required = true, description = "Why the mission is cancelled.")
        String reason;

        @Override
        public Integer call() {
            checkText("--reason", reason);
            return report(missionId, decisions(kafka, answerSeconds)
                    .cancel(MissionCommand.issuer(), missionId, reason), answerSeconds);
        }
    }

    static MissionDecisions decisions(KafkaOptions kafka, long answerSeconds) {
        Map<String, Object> client = kafka.clientProperties();
        return new MissionDecisions(client, kafka.common().catalogue(),
                BlackboardSetup.prepare(client, kafka.common().catalogue()), Duration.ofSeconds(answerSeconds));
    }

    /** Prints the orchestrator's answer: exit 0 when it took effect, 1 on a refusal (with its reasons), 4 on no answer. */
    static int report(String missionId, Optional<CommandAnswer> answer, long answerSeconds) {
        if (answer.isEmpty()) {
            System.err.println("swarm: no answer from the orchestrator about mission " + ShownText.terminal(missionId)
                    + " within " + answerSeconds + " s (is it running?)");
            return ExitCodes.TIMED_OUT;
        }
        String line = ShownText.terminal(answer.get().render());
        if (answer.get().accepted()) {
            System.out.println(line);
            return ExitCodes.OK;
        }
        System.err.println("swarm: " + line);
        return ExitCodes.FAILED;
    }

    /** The orchestrator refuses longer text (LIMIT_EXCEEDED); refuse it here first, before Kafka. */
    static void checkText(String option, String text) {
        if (MissionLimits.overNote(text)) {
            throw new UsageException("LIMIT_EXCEEDED at " + option + ": " + MissionLimits.noteMessage(option));
        }
    }
}
