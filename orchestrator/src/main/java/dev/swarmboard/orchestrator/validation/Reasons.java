package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.schema.Reason;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds and renders {@link Reason} values with the orchestrator's codes. */
public final class Reasons {

    private Reasons() {
    }

    public static Reason of(ReasonCode code, String field, String message, String... witnesses) {
        return Reason.newBuilder()
                .setCode(code.name())
                .setField(field)
                .setMessage(message)
                .setWitnesses(List.of(witnesses))
                .build();
    }

    /** The reason followed by the others. */
    public static List<Reason> prepend(Reason first, List<Reason> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    /** {@code CODE at field: message [witnesses: …]}, one line per reason. */
    public static String render(List<Reason> reasons) {
        return reasons.stream().map(Reasons::render).collect(Collectors.joining("\n"));
    }

    public static String render(Reason reason) {
        String where = reason.getField().isEmpty() ? "" : " at " + reason.getField();
        String witnesses = reason.getWitnesses().isEmpty() ? ""
                : " [witnesses: " + String.join("; ", reason.getWitnesses()) + "]";
        return reason.getCode() + where + ": " + reason.getMessage() + witnesses;
    }
}
