package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.view.MissionText;
import dev.swarmboard.console.view.BlackboardSnapshot;
import dev.swarmboard.console.view.MissionView;
import dev.swarmboard.text.ShownText;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swarm show ID}: one mission's status, plan, lanes, verdicts, and a paused mission's proposed plan. */
@Command(name = "show", description = "Show one mission: status, plan, lanes and stages, verdicts, the proposed plan of a paused mission.")
final class ShowCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(index = "0", paramLabel = "MISSION", description = "Id of the mission.")
    String missionId;

    @Override
    public Integer call() {
        Map<String, Object> client = kafka.clientProperties();
        MissionView view = BlackboardSnapshot.mission(client, kafka.common().catalogue(),
                BlackboardSetup.prepare(client, kafka.common().catalogue()), missionId);
        if (view.events() == 0) {
            System.err.println("swarm: no mission " + ShownText.terminal(missionId) + " on the blackboard");
            return ExitCodes.FAILED;
        }
        MissionText.show(view, Instant.now()).forEach(System.out::println);
        return 0;
    }
}
