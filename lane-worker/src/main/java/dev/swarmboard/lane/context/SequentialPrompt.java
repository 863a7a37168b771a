package dev.swarmboard.lane.context;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt of proposer k of a sequential ensemble: the stage's context, then proposals 1..k-1 in
 * full, each cited by its receipt (so the receipt of proposal k shows which proposals it saw), and the
 * ask to improve on them rather than repeat them. Proposer 1 gets the stage's context unchanged.
 */
public final class SequentialPrompt {

    private SequentialPrompt() {
    }

    public static StageContext proposer(StageContext stage, List<BlackboardEvent> earlierProposals) {
        if (earlierProposals.isEmpty()) {
            return stage;
        }
        StringBuilder user = new StringBuilder(stage.messages().get(1).content())
                .append("\n# Earlier proposals (").append(earlierProposals.size()).append(")\n")
                .append("Build on them: keep what is right, fix what is wrong, add what is missing.\n");
        List<EvidenceRef> refs = new ArrayList<>(stage.refs());
        for (BlackboardEvent proposal : earlierProposals) {
            user.append(Rendering.full(proposal));
            refs.add(Events.ref(proposal, Rendering.label(proposal)));
        }
        List<ChatMessage> messages = List.of(stage.messages().get(0), ChatMessage.user(user.toString()));
        return StageContext.of(messages, refs, stage.files(), stage.notes());
    }
}
