package dev.swarmboard.lane.validation;

import static dev.swarmboard.lane.LaneFixtures.artifact;
import static dev.swarmboard.lane.LaneFixtures.cleanPrey;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.StageCompleted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceRefsTest {

    private final RunLane task = task("lane-a");
    private final List<BlackboardEvent> clean = cleanPrey(task);

    private List<BlackboardEvent> withReport(String report) {
        List<BlackboardEvent> events = new ArrayList<>(clean.subList(0, 2));
        events.add(artifact(task, "engage", "engage_report", report));
        return events;
    }

    @Test
    void shouldPassWhenEveryReceiptAndCitationResolves() {
        // Given a report citing the perception both ways
        BlackboardEvent perception = clean.get(0);
        String id = perception.getHeader().getEventId();
        String hash = perception.getHeader().getContentHash();
        List<BlackboardEvent> events = withReport("engage_report:\n  evidence_refs:\n    - {event_id: " + id
                + ", content_hash: " + hash + "}\n    - \"" + id + ":" + hash + "\"\n");

        // When
        CheckResult result = new EvidenceRefs().check(Evidence.of(task, events));

        // Then three receipts and two citations resolve
        assertThat(result.getPassed()).as(result.getReason()).isTrue();
        assertThat(result.getReason()).isEqualTo("5 ref(s) resolve to an event id and content hash");
    }

    @Test
    void shouldFailACitationOfAnEventThatDoesNotExist() {
        // When
        CheckResult result = new EvidenceRefs().check(Evidence.of(task,
                withReport("engage_report:\n  evidence_refs: [\"no-such-event:abc\"]\n")));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("engage_report cites no-such-event: no such event in the mission");
    }

    @Test
    void shouldFailACitationWithTheWrongContentHash() {
        // When
        String id = clean.get(0).getHeader().getEventId();
        CheckResult result = new EvidenceRefs().check(Evidence.of(task,
                withReport("engage_report:\n  evidence_refs: [{event_id: " + id + ", content_hash: beef}]\n")));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).startsWith("engage_report cites " + id + ": content hash beef is not the event's");
    }

    @Test
    void shouldFailAMalformedCitation() {
        // When
        CheckResult result = new EvidenceRefs().check(Evidence.of(task,
                withReport("engage_report:\n  evidence_refs: [42]\n")));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).isEqualTo("engage_report cites 42: not {event_id, content_hash} nor \"id:hash\"");
    }

    @Test
    void shouldFailAReceiptMissingFromTheMissionLog() {
        // Given the mission log lacks the react receipt
        List<BlackboardEvent> mission = List.of(clean.get(0), clean.get(2));

        // When
        CheckResult result = new EvidenceRefs().check(Evidence.of(task, clean, mission));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).endsWith(": no such event in the mission").startsWith("StageCompleted ");
    }

    @Test
    void shouldFailAReceiptTamperedWithInTheLog() {
        // Given the logged perception was altered after hashing
        List<BlackboardEvent> events = cleanPrey(task);
        ((StageCompleted) events.get(0).getPayload()).setTokensOut(1);

        // When
        CheckResult result = new EvidenceRefs().check(Evidence.of(task, events));

        // Then
        assertThat(result.getPassed()).isFalse();
        assertThat(result.getReason()).endsWith("the event no longer hashes to its content hash");
    }
}
