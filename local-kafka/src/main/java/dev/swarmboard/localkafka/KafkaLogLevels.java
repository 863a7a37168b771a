package dev.swarmboard.localkafka;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Kafka's own loggers down to WARN when the application logs through Logback and has not chosen a
 * level for them itself. SLF4J cannot set levels, and this module must not force a logging backend on its
 * users, so Logback is reached by reflection; with any other backend, logging is left alone.
 */
final class KafkaLogLevels {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLogLevels.class);
    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";
    private static final String LOGBACK_LEVEL = "ch.qos.logback.classic.Level";

    private KafkaLogLevels() {
    }

    static void quietUnlessConfigured() {
        for (String name : KAFKA_LOGGERS) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger.getClass().getName().equals(LOGBACK_LOGGER)) {
                warnOnlyIfUnset(logger);
            }
        }
    }

    private static void warnOnlyIfUnset(Logger logger) {
        Class<?> type = logger.getClass();
        try {
            // A null level means "inherited": nobody configured this logger.
            if (type.getMethod("getLevel").invoke(logger) == null) {
                Class<?> level = Class.forName(LOGBACK_LEVEL, false, type.getClassLoader());
                type.getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
            }
        } catch (ReflectiveOperationException e) {
            LOG.warn("Left the level of logger {} alone: Logback's API did not match ({})", logger.getName(), e);
        }
    }
}
