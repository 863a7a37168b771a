package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.text.ShownText;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of the demo's workspace mission: the integrated diff (each line escaped for the terminal),
 * the patch file beside the report and the branch the digest created in the demo repository, with the
 * command that shows it.
 */
final class DemoDelivery {

    private DemoDelivery() {
    }

    static void print(PrintStream out, Map<String, Object> client, TopicCatalogue catalogue, Codecs codecs,
                      String missionId, Path reports) {
        List<RecordedEvent> events;
        try (BlackboardReader reader = new BlackboardReader(client, catalogue, codecs)) {
            events = reader.readMission(missionId).events();
        }
        Optional<IntegrationCompleted> integrated = events.stream().map(e -> e.event().getPayload())
                .filter(IntegrationCompleted.class::isInstance).map(IntegrationCompleted.class::cast).findFirst();
        Optional<String> repo = events.stream().map(e -> e.event().getPayload())
                .filter(MissionAccepted.class::isInstance).map(p -> ((MissionAccepted) p).getMission().getWorkspace())
                .filter(java.util.Objects::nonNull).map(workspace -> workspace.getRepo()).findFirst();
        if (integrated.isEmpty() || repo.isEmpty()) {
            return;
        }
        out.println("integrated diff (tree " + integrated.get().getTreeId() + " on " + integrated.get().getBaseCommit()
                + "):");
        integrated.get().getDiff().lines().forEach(line -> out.println("  " + ShownText.terminal(line)));
        out.println("patch     " + reports.resolve(missionId + ".patch").toAbsolutePath());
        String branch = "swarm/" + missionId;
        GitCli.GitResult tree = GitCli.run(Path.of(repo.get()), "rev-parse", "-q", "--verify", branch + "^{tree}");
        if (tree.ok() && tree.firstLine().equals(integrated.get().getTreeId())) {
            out.println("branch    " + branch + " in " + repo.get() + "   (git -C " + repo.get() + " log " + branch + ")");
        } else {
            out.println("branch    " + branch + " is not at the integrated tree in " + repo.get()
                    + " (see the digest's log); take the patch");
        }
    }
}
