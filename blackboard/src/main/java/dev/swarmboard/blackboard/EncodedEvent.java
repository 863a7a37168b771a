package dev.swarmboard.blackboard;

import dev.swarmboard.schema.BlackboardEvent;

/** An envelope with the bytes it is stored as (single-object encoding), built by {@link Events#encode}. */
public record EncodedEvent(BlackboardEvent event, byte[] value) {
}
