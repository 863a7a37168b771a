package dev.swarmboard.capability;

/**
 * An API key read from the environment at call time. Deliberately not a record: its {@code toString}
 * never shows the key, so it cannot leak through logs, exceptions or receipts by accident.
 */
public final class ApiKey {

    private final String value;

    ApiKey(String value) {
        this.value = value;
    }

    /** The key itself, for the {@code Authorization} header only. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of the key in {@code text}, for messages built from what a server sent. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "[redacted]");
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
