package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.view.MissionText;
import dev.swarmboard.console.view.BlackboardSnapshot;
import dev.swarmboard.console.view.MissionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarm missions}: every mission on the blackboard with status, lanes, cost and age. */
@Command(name = "missions", description = "List the missions on the blackboard: id, status, lanes done, cost, age.")
final class MissionsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Map<String, Object> client = kafka.clientProperties();
        List<MissionView> missions = BlackboardSnapshot.missions(client, kafka.common().catalogue(),
                BlackboardSetup.prepare(client, kafka.common().catalogue()));
        Instant now = Instant.now();
        System.out.println(MissionText.header());
        missions.forEach(mission -> System.out.println(MissionText.row(mission, now)));
        return 0;
    }
}
