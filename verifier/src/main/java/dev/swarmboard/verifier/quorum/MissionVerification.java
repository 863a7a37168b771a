package dev.swarmboard.verifier.quorum;

import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.time.Instant;
import java.util.Optional;

/**
 * The verifier's fold over one mission's events in log order: the head hash, the event index, the
 * receipts and the rounds. Each event may complete a round, which yields its verdict; a passed plan
 * deadline fails the open round. The Kafka Streams processor and {@link QuorumReplay} both drive this
 * one class, so a replay of the log re-derives every verdict byte for byte.
 */
public final class MissionVerification {

    private final String missionId;
    private HeadHash head;
    private final EventIndex index;
    private final ReceiptLedger receipts;
    private final LaneRounds rounds;

    public MissionVerification(String missionId, HeadHash head, EventIndex index, ReceiptLedger receipts,
                               LaneRounds rounds) {
        this.missionId = missionId;
        this.head = head;
        this.index = index;
        this.receipts = receipts;
        this.rounds = rounds;
    }

    /** A mission before its first event. */
    public static MissionVerification start(String missionId) {
        return new MissionVerification(missionId, HeadHash.GENESIS, new EventIndex(), new ReceiptLedger(),
                new LaneRounds());
    }

    /**
     * Folds the next event of the mission in log order; returns the verdict it triggers, stamped with
     * the record's timestamp. Duplicates only advance the head; after a PASS verdict (for a workspace
     * plan: after its IntegrationCompleted), a MissionFailed,
     * a MissionCancelled or a DigestPublished nothing changes but the head.
     */
    public Optional<BlackboardEvent> apply(RecordedEvent recorded) {
        BlackboardEvent event = recorded.event();
        head = head.next(recorded.value());
        if (!index.firstSeen(event) || rounds.terminal()) {
            return Optional.empty();
        }
        fold(event);
        if (!rounds.due()) {
            return Optional.empty();
        }
        return Optional.of(decide(Instant.ofEpochMilli(recorded.timestamp()), event.getHeader().getEventId(), null,
                event.getHeader().getTraceparent()));
    }

    private void fold(BlackboardEvent event) {
        Object payload = event.getPayload();
        EventHeader header = event.getHeader();
        if (payload instanceof PlanIssued) {
            rounds.acceptPlan(event);
        } else if (payload instanceof RetryScheduled retry) {
            rounds.startRound(retry.getRound(), retry.getLanes());
        } else if (payload instanceof LaneYielded || payload instanceof LaneFailed) {
            rounds.count(event);
        } else if (payload instanceof StageCompleted || payload instanceof ToolReceipt) {
            receipts.record(event);
            if (rounds.hasOutcome(header.getLaneId(), header.getAttempt())) {
                index.receiptAfterYield(event);
            }
        } else if (payload instanceof MissionFailed || payload instanceof MissionCancelled
                || payload instanceof DigestPublished || payload instanceof IntegrationCompleted) {
            rounds.end();
        }
    }

    /**
     * Fails the open round when its plan deadline is not after {@code now}. The verdict occurs at the
     * deadline itself and its head covers the events folded so far.
     */
    public Optional<BlackboardEvent> deadlinePassed(Instant now) {
        Optional<Instant> deadline = rounds.pendingDeadline();
        if (deadline.isEmpty() || deadline.get().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(decide(deadline.get(), rounds.planEvent().getHeader().getEventId(), deadline.get(),
                rounds.planEvent().getHeader().getTraceparent()));
    }

    private BlackboardEvent decide(Instant at, String causationId, Instant deadlinePassed, String causeTraceparent) {
        RoundView view = new RoundView(missionId, rounds.plan(), rounds.round(), rounds.currentOutcomes(),
                rounds.missingLanes(), deadlinePassed, receipts, index);
        BlackboardEvent verdict = Quorum.verdict(view, head, at, causationId, causeTraceparent);
        rounds.decided(Quorum.passed((QuorumReached) verdict.getPayload()));
        return verdict;
    }

    /** The plan deadline while a round waits for its verdict; the topology indexes missions by it. */
    public Optional<Instant> pendingDeadline() {
        return rounds.pendingDeadline();
    }

    public String missionId() {
        return missionId;
    }

    public HeadHash head() {
        return head;
    }

    public EventIndex index() {
        return index;
    }

    public ReceiptLedger receipts() {
        return receipts;
    }

    public LaneRounds rounds() {
        return rounds;
    }
}
