package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mission's spend and tool runs, from its receipts: tokens and USD summed over every counted
 * {@code StageCompleted} in log order, and every {@code ToolReceipt} as a {@link ToolUse}.
 */
public final class ReceiptLedger {

    private long tokensUsed;
    private double costUsd;
    private final List<ToolUse> toolUses;

    public ReceiptLedger() {
        this(0, 0.0, List.of());
    }

    public ReceiptLedger(long tokensUsed, double costUsd, List<ToolUse> toolUses) {
        this.tokensUsed = tokensUsed;
        this.costUsd = costUsd;
        this.toolUses = new ArrayList<>(toolUses);
    }

    void record(BlackboardEvent receipt) {
        EventHeader header = receipt.getHeader();
        if (receipt.getPayload() instanceof StageCompleted stage) {
            tokensUsed += stage.getTokensIn() + stage.getTokensOut();
            costUsd += stage.getCostUsd();
        } else if (receipt.getPayload() instanceof ToolReceipt tool) {
            toolUses.add(new ToolUse(header.getEventId(), header.getLaneId(), header.getAttempt(), tool.getTool(),
                    tool.getExitCode(), tool.getTimedOut(), tool.getTestsTool()));
        }
    }

    public long tokensUsed() {
        return tokensUsed;
    }

    public double costUsd() {
        return costUsd;
    }

    public List<ToolUse> toolUses() {
        return Collections.unmodifiableList(toolUses);
    }
}
