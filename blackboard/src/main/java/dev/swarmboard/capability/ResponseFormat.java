package dev.swarmboard.capability;

import java.util.Arrays;
import java.util.Optional;

/** The {@code response_format} an OpenAI-compatible model is asked for. */
public enum ResponseFormat {
    /** No {@code response_format} in the request. */
    NONE("none"),
    /** {@code {"type": "json_object"}}: the model must answer with one JSON object. */
    JSON_OBJECT("json_object");

    private final String wireName;

    ResponseFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResponseFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(name)).findFirst();
    }
}
