package dev.swarmboard.verifier.quorum;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import dev.swarmboard.schema.event.LaneYielded;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/** Test helpers: events as a log (stored bytes, offsets, timestamps) and edits of event payloads. */
public final class MissionLogs {

    public static final Codecs CODECS = Codecs.create();

    private MissionLogs() {
    }

    /** The events as one partition's log: consecutive offsets, record time = occurredAt. */
    public static List<RecordedEvent> log(List<BlackboardEvent> events) {
        List<RecordedEvent> log = new ArrayList<>();
        for (BlackboardEvent event : events) {
            log.add(recorded(event, log.size()));
        }
        return log;
    }

    public static RecordedEvent recorded(BlackboardEvent event, long offset) {
        return new RecordedEvent(event, "t.blackboard", 0, offset, event.getHeader().getOccurredAt().toEpochMilli(),
                CODECS.events().codec().encode(event));
    }

    /** The same event (id, origin, time) with another payload and so another content hash. */
    public static BlackboardEvent withPayload(BlackboardEvent event, SpecificRecord payload) {
        EventHeader header = event.getHeader();
        EventOrigin origin = new EventOrigin(header.getMissionId(), header.getLaneId(), header.getAttempt(),
                header.getProducer(), header.getCausationId(), header.getTraceparent());
        return Events.create(header.getEventId(), origin, payload, header.getOccurredAt());
    }

    /** The same event under another id. */
    public static BlackboardEvent withId(BlackboardEvent event, String eventId) {
        BlackboardEvent copy = BlackboardEvent.newBuilder(event).build();
        copy.getHeader().setEventId(eventId);
        return copy;
    }

    /** The lane attempt's events with its final LaneYielded edited. */
    public static List<BlackboardEvent> editYield(List<BlackboardEvent> attempt, UnaryOperator<LaneYielded.Builder> edit) {
        List<BlackboardEvent> edited = new ArrayList<>(attempt);
        BlackboardEvent last = edited.remove(edited.size() - 1);
        edited.add(withPayload(last, edit.apply(LaneYielded.newBuilder((LaneYielded) last.getPayload())).build()));
        return edited;
    }
}
