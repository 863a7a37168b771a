package dev.swarmboard.orchestrator.escalation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mission contact as written in {@code contact.digest/critical/timeout}: {@code webhook:env:NAME}
 * (POST to the URL in the orchestrator's environment variable NAME, which must start with
 * {@value #WEBHOOK_ENV_PREFIX}), {@code topic:<name>} (a Kafka topic) or plain text (logged). A
 * webhook URL is never written in a mission: the mission goes onto a topic, and URLs carry tokens.
 */
public sealed interface Contact {

    String WEBHOOK_ENV_PREFIX = "SWARM_WEBHOOK_";

    /** POST to the URL held by environment variable {@code variable}. */
    record Webhook(String variable) implements Contact { }

    /** A record on Kafka topic {@code topic}. */
    record Topic(String topic) implements Contact { }

    /** A person or channel written as text: the escalation is logged. */
    record Text(String text) implements Contact { }

    /** The parsed contact or why it is refused; exactly one is present. */
    record Parsed(Optional<Contact> contact, Optional<String> problem) { }

    Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
    Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Parses a non-empty contact; the problem never repeats a literal URL (it may hold a secret). */
    static Parsed parse(String written) {
        String text = written.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("webhook:")) {
            String ref = text.substring("webhook:".length());
            if (!ref.startsWith("env:")) {
                return refused("a webhook URL may not be written in a mission (missions go onto a topic);"
                        + " name an environment variable of the orchestrator instead: webhook:env:"
                        + WEBHOOK_ENV_PREFIX + "NAME");
            }
            String name = ref.substring("env:".length());
            if (!ENV_NAME.matcher(name).matches() || !name.startsWith(WEBHOOK_ENV_PREFIX)) {
                return refused("webhook:env: needs an environment variable name starting with "
                        + WEBHOOK_ENV_PREFIX + " (upper-case letters, digits, '_'), was '" + name + "'");
            }
            return ok(new Webhook(name));
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return refused("a URL may not be written in a mission (missions go onto a topic); use webhook:env:"
                    + WEBHOOK_ENV_PREFIX + "NAME");
        }
        if (lower.startsWith("topic:")) {
            String topic = text.substring("topic:".length());
            if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                return refused("'" + topic + "' is not a legal Kafka topic name (1-249 letters, digits, '.', '_',"
                        + " '-'; not '.' or '..')");
            }
            return ok(new Topic(topic));
        }
        return ok(new Text(text));
    }

    private static Parsed ok(Contact contact) {
        return new Parsed(Optional.of(contact), Optional.empty());
    }

    private static Parsed refused(String problem) {
        return new Parsed(Optional.empty(), Optional.of(problem));
    }
}
