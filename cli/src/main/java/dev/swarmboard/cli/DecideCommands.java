package dev.swarmboard.cli;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.orchestrator.validation.MissionLimits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarm approve} and {@code swarm cancel}: decisions on a paused (or running) mission. */
final class DecideCommands {

    private DecideCommands() {
    }

    @Command(name = "approve", description = "Approve a paused mission's proposed plan.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(index = "0", paramLabel = "MISSION")
        String missionId;

        @Option(names = "--plan", paramLabel = "PLAN", description = "Plan id being approved (default: the latest proposal).")
        String planId = "";

        @Option(names = "--note", description = "Why, for the audit trail.")
        String note = "";

        @Override
        public Integer call() {
            checkText("--note", note);
            try (MissionCommands commands = MissionCommands.create(kafka.clientProperties(), kafka.common().catalogue(),
                    Codecs.create(), MissionCommand.issuer())) {
                System.out.println("approve sent as " + commands.approve(missionId, planId, note).commandId());
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancel a mission, with a reason.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(index = "0", paramLabel = "MISSION")
        String missionId;

        @Option(names = "--reason", required = true, description = "Why the mission is cancelled.")
        String reason;

        @Override
        public Integer call() {
            checkText("--reason", reason);
            try (MissionCommands commands = MissionCommands.create(kafka.clientProperties(), kafka.common().catalogue(),
                    Codecs.create(), MissionCommand.issuer())) {
                System.out.println("cancel sent as " + commands.cancel(missionId, reason).commandId());
            }
            return 0;
        }
    }

    /** The orchestrator refuses longer text (LIMIT_EXCEEDED); refuse it here first, before Kafka. */
    static void checkText(String option, String text) {
        if (MissionLimits.overNote(text)) {
            throw new UsageException("LIMIT_EXCEEDED at " + option + ": " + MissionLimits.noteMessage(option));
        }
    }
}
