package dev.swarmboard.capability;

/**
 * An API key, read from its environment variable at call time or from its key file at start. Deliberately not a record: its {@code toString}
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

    /** The text with the key, its encodings and its fragments redacted (see {@link Redactor}). */
    public String redact(String text) {
        return Redactor.of(java.util.List.of(this)).redact(text);
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
