package dev.swarmboard.verifier.quorum;

import dev.swarmboard.schema.Vote;

/** One deterministic voter of the quorum: the same round in, the same vote out. */
public interface Validator {

    String name();

    Vote vote(RoundView round);
}
