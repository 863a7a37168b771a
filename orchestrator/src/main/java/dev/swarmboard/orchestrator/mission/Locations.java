package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.capability.ConfigError;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.schema.Reason;

/** Field locations in a file: a field path with its line, as {@code lanes[1].role (line 12)}. */
public final class Locations {

    private Locations() {
    }

    public static String at(String path, int line) {
        String where = path.isEmpty() ? "(document)" : path;
        return line > 0 ? where + " (line " + line + ")" : where;
    }

    /** A file error as a reason with the given code, located by path and line. */
    public static Reason reason(ReasonCode code, ConfigError error) {
        return Reasons.of(code, at(error.path(), error.line()), error.message());
    }
}
