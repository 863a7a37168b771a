package dev.swarmboard.lane.context;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a stage's prompt from blackboard receipts, never from a running transcript, so a lane resumed
 * on another worker sees exactly the same prompt. Every strategy shows the brief (goal, lane objective,
 * role, the attempt's scope and, on a retry, why the last attempt failed); then {@code fresh} adds
 * nothing, {@code scoped} the full text of the stage's input artifact and of artifacts the scope names,
 * {@code distilled} the first {@value Rendering#DISTILLED_LINES} lines and output hash of every earlier
 * artifact, {@code full} every earlier receipt (proposals, judgments and tool runs) in full.
 */
public final class ContextBuilder {

    private ContextBuilder() {
    }

    /**
     * The context of a stage's model calls.
     *
     * @param earlier receipts of this attempt's earlier stages, in log order
     */
    public static StageContext build(RunLane task, ResolvedStage stage, List<BlackboardEvent> earlier) {
        return build(task, stage, earlier, Optional.empty());
    }

    /**
     * The context of a stage of a lane with a checkout: also the repository files by strategy (see
     * {@link RepoContext}), every earlier tool run's exit code and capped output, and the edit format.
     */
    public static StageContext build(RunLane task, ResolvedStage stage, List<BlackboardEvent> earlier,
                                     Optional<Checkout> checkout) {
        return build(task, stage, earlier, checkout, "");
    }

    /**
     * The context of a re-run's stage: after the brief, {@code previousAttempt} (see {@link PreviousAttempt}):
     * what the lane's earlier attempt left, so the re-run learns from more than the reasons.
     */
    public static StageContext build(RunLane task, ResolvedStage stage, List<BlackboardEvent> earlier,
                                     Optional<Checkout> checkout, String previousAttempt) {
        StringBuilder user = new StringBuilder(Rendering.brief(task, stage)).append(previousAttempt);
        List<EvidenceRef> refs = new ArrayList<>();
        for (BlackboardEvent receipt : shown(task, stage, earlier)) {
            user.append(switch (stage.context()) {
                case DISTILLED -> Rendering.distilled(receipt);
                default -> Rendering.full(receipt);
            });
            refs.add(Events.ref(receipt, Rendering.label(receipt)));
        }
        MissionInputs.Shown mission = MissionInputs.render(task, stage);
        user.append(mission.text());
        refs.addAll(mission.refs());
        String system = Rendering.instructions(task, stage);
        if (checkout.isEmpty()) {
            return StageContext.of(List.of(ChatMessage.system(system), ChatMessage.user(user.toString())), refs);
        }
        if (stage.context() != ContextStrategy.FULL) {
            for (BlackboardEvent run : earlier.stream().filter(event -> event.getPayload() instanceof ToolReceipt)
                    .toList()) {
                user.append(Rendering.toolRun(run));
                refs.add(Events.ref(run, Rendering.label(run)));
            }
        }
        RepoContext.Rendered files = RepoContext.render(stage.context(), checkout.get().dir(), checkout.get().files(),
                task.getScope());
        user.append(files.text());
        List<ChatMessage> messages = List.of(ChatMessage.system(system + "\n\n" + EditFormat.INSTRUCTIONS),
                ChatMessage.user(user.toString()));
        return StageContext.of(messages, refs, files.files(), files.notes());
    }

    /** The judge's context: the stage's context, then every proposal in full. */
    public static StageContext judgment(StageContext stage, ResolvedStage plan, List<BlackboardEvent> proposals) {
        StringBuilder user = new StringBuilder(stage.messages().get(1).content())
                .append("\n# Proposals (").append(proposals.size()).append(")\n");
        List<EvidenceRef> refs = new ArrayList<>(stage.refs());
        for (BlackboardEvent proposal : proposals) {
            user.append(Rendering.full(proposal));
            refs.add(Events.ref(proposal, Rendering.label(proposal)));
        }
        List<ChatMessage> messages = List.of(ChatMessage.system(Rendering.judgeInstructions(plan, proposals.size())),
                ChatMessage.user(user.toString()));
        return StageContext.of(messages, refs, stage.files(), stage.notes());
    }

    private static List<BlackboardEvent> shown(RunLane task, ResolvedStage stage, List<BlackboardEvent> earlier) {
        return switch (stage.context()) {
            case FULL -> earlier.stream().filter(ContextBuilder::isReceipt).toList();
            case DISTILLED -> artifacts(earlier);
            case SCOPED -> artifacts(earlier).stream().filter(receipt -> {
                String artifact = ((StageCompleted) receipt.getPayload()).getArtifact();
                return artifact.equals(stage.input()) || task.getScope().contains(artifact);
            }).toList();
            default -> List.of();
        };
    }

    private static List<BlackboardEvent> artifacts(List<BlackboardEvent> earlier) {
        return earlier.stream().filter(receipt -> receipt.getPayload() instanceof StageCompleted stage
                && !stage.getArtifact().isEmpty()).toList();
    }

    private static boolean isReceipt(BlackboardEvent event) {
        return event.getPayload() instanceof StageCompleted || event.getPayload() instanceof ToolReceipt;
    }
}
