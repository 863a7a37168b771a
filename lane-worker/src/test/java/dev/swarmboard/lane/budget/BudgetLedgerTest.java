package dev.swarmboard.lane.budget;

import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.capability.Pricing;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.BudgetExceeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {

    @Test
    void shouldSumEveryStageReceiptOfTheMissionCountingEachIdOnce() {
        // Given three receipts (30 tokens, $0.50 each) and a duplicate copy of the first
        RunLane task = task("lane-a");
        List<BlackboardEvent> events = new ArrayList<>(cleanPrey(task));
        events.add(cleanPrey(task).get(0));

        // When
        Spend spent = BudgetLedger.spent(events);

        // Then
        assertThat(spent).isEqualTo(new Spend(90, 1.5));
    }

    @Test
    void shouldEstimateThePromptAtFourCharactersATokenPlusTheFullTokenCap() {
        // Given 9 characters of prompt: 3 tokens; $2 and $4 per million in and out
        List<ChatMessage> prompt = List.of(ChatMessage.system("abcd"), ChatMessage.user("efghi"));

        // When
        Spend estimate = BudgetLedger.estimate(prompt, 1000, new Pricing(2.0, 4.0));

        // Then
        assertThat(estimate.tokens()).isEqualTo(1003);
        assertThat(estimate.usd()).isEqualTo((3 * 2.0 + 1000 * 4.0) / 1_000_000.0);
    }

    @Test
    void shouldAllowACallThatExactlyReachesTheTokenBudget() {
        // When
        Optional<BudgetExceeded> exceeded = BudgetLedger.check("react", new BudgetLimits(1000L, null),
                new Spend(400, 0), new Spend(600, 0));

        // Then
        assertThat(exceeded).isEmpty();
    }

    @Test
    void shouldRefuseACallOneTokenOverTheBudget() {
        // When
        Optional<BudgetExceeded> exceeded = BudgetLedger.check("react", new BudgetLimits(1000L, null),
                new Spend(401, 0), new Spend(600, 0));

        // Then
        assertThat(exceeded).contains(new BudgetExceeded("react", "TOKENS", 1000.0, 401.0, 600.0));
    }

    @Test
    void shouldRefuseACallOverTheUsdBudgetWhenTokensFit() {
        // When
        Optional<BudgetExceeded> exceeded = BudgetLedger.check("engage", new BudgetLimits(10_000L, 0.10),
                new Spend(100, 0.08), new Spend(100, 0.03));

        // Then
        assertThat(exceeded).contains(new BudgetExceeded("engage", "USD", 0.10, 0.08, 0.03));
    }

    @Test
    void shouldAllowAnythingWithoutLimits() {
        // Then
        assertThat(BudgetLedger.check("engage", new BudgetLimits(null, null), new Spend(Long.MAX_VALUE / 2, 1e9),
                new Spend(1000, 1.0))).isEmpty();
    }
}
