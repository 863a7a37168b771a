package dev.swarmboard.orchestrator.service;

import dev.swarmboard.orchestrator.escalation.EscalationDeliverer;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts a transaction consumed, held until it commits: then escalations go to the
 * {@link EscalationDeliverer} and pauses to the {@link PausedMissions} tracker; an abort forgets
 * them (the facts are consumed again). So only committed escalations are delivered, and each one
 * once per commit of its consuming transaction (at least once across a rebalance or crash: the
 * webhook body carries the event id to deduplicate on).
 */
final class CommittedFacts implements AutoCloseable {

    private final List<BlackboardEvent> staged = new ArrayList<>();
    private final PausedMissions paused;
    private final EscalationDeliverer deliverer;

    CommittedFacts(PausedMissions paused, EscalationDeliverer deliverer) {
        this.paused = paused;
        this.deliverer = deliverer;
    }

    void stage(BlackboardEvent event) {
        staged.add(event);
    }

    void committed() {
        for (BlackboardEvent event : staged) {
            paused.observe(event);
            deliverer.accept(event);
        }
        staged.clear();
    }

    void aborted() {
        staged.clear();
    }

    @Override
    public void close() {
        deliverer.close();
    }
}
