package dev.swarmboard.telemetry;

import org.slf4j.MDC;

/**
 * The SLF4J MDC key {@value #KEY} that puts a mission's id on every log line written while a service
 * works on it (the JSON log format shows it as a field, the text format as {@code [mission=…]}).
 */
public final class MissionLogs {

    public static final String KEY = "mission";

    private MissionLogs() {
    }

    /** Puts the mission on the current thread's log lines until the returned value is closed. */
    public static MDC.MDCCloseable about(String missionId) {
        return MDC.putCloseable(KEY, missionId == null ? "" : missionId);
    }
}
