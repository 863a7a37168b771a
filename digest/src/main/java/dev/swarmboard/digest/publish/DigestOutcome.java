package dev.swarmboard.digest.publish;

import dev.swarmboard.digest.report.DigestReport;
import dev.swarmboard.schema.BlackboardEvent;

/** What the digest does for a request: publish a report, reject with reasons, or nothing (already recorded). */
public sealed interface DigestOutcome {

    /** The event this outcome records, or the one already recorded. */
    BlackboardEvent event();

    /** A valid report for a reproduced PASS verdict: write the file, then append the event. */
    record Publish(BlackboardEvent event, DigestReport report) implements DigestOutcome {
    }

    /** No report is delivered; the DigestRejected event says why. */
    record Reject(BlackboardEvent event) implements DigestOutcome {
    }

    /** The log already holds this outcome's event (same deterministic id): nothing to write. */
    record AlreadyRecorded(BlackboardEvent event) implements DigestOutcome {
    }
}
