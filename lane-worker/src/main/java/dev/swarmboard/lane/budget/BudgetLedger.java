package dev.swarmboard.lane.budget;

import dev.swarmboard.capability.Pricing;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.BudgetExceeded;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Budget arithmetic, fail-closed: a call is allowed only if what the mission has spent plus the most
 * the call may spend stays within every limit. The most a call may spend is its prompt estimate
 * ({@value #CHARS_PER_TOKEN} characters a token) plus its full {@code max_tokens}, priced at the model's rates.
 */
public final class BudgetLedger {

    public static final String TOKENS = "TOKENS";
    public static final String USD = "USD";
    static final int CHARS_PER_TOKEN = 4;

    private BudgetLedger() {
    }

    /** What the mission's StageCompleted receipts spent; each event id counts once. */
    public static Spend spent(Iterable<BlackboardEvent> events) {
        Map<String, StageCompleted> receipts = new LinkedHashMap<>();
        for (BlackboardEvent event : events) {
            if (event.getPayload() instanceof StageCompleted stage) {
                receipts.putIfAbsent(event.getHeader().getEventId(), stage);
            }
        }
        Spend spent = Spend.NONE;
        for (StageCompleted stage : receipts.values()) {
            spent = spent.plus(new Spend(stage.getTokensIn() + stage.getTokensOut(), stage.getCostUsd()));
        }
        return spent;
    }

    /** The most one call may spend. */
    public static Spend estimate(List<ChatMessage> messages, int maxTokens, Pricing pricing) {
        long chars = messages.stream().mapToLong(message -> message.content().length()).sum();
        long promptTokens = (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return new Spend(promptTokens + maxTokens, pricing.costUsd(promptTokens, maxTokens));
    }

    /** The budget the request would exceed (tokens checked first), or empty if it fits. */
    public static Optional<BudgetExceeded> check(String stage, BudgetLimits limits, Spend used, Spend requested) {
        if (limits.tokens() != null && used.tokens() + requested.tokens() > limits.tokens()) {
            return Optional.of(new BudgetExceeded(stage, TOKENS, limits.tokens().doubleValue(),
                    (double) used.tokens(), (double) requested.tokens()));
        }
        if (limits.usd() != null && used.usd() + requested.usd() > limits.usd()) {
            return Optional.of(new BudgetExceeded(stage, USD, limits.usd(), used.usd(), requested.usd()));
        }
        return Optional.empty();
    }
}
