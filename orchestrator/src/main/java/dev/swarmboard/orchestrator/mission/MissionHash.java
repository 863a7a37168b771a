package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.MissionSpec;

/**
 * The identity of a mission's content: SHA-256 of the spec's canonical Avro bytes. Resubmitting a
 * mission id with the same hash is a no-op; with another hash it is refused.
 */
public final class MissionHash {

    private MissionHash() {
    }

    public static String of(MissionSpec spec) {
        return ContentHash.of(spec);
    }
}
