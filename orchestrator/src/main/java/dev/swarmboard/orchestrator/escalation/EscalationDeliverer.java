package dev.swarmboard.orchestrator.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.Escalation;
import dev.swarmboard.schema.event.EscalationAttempt;
import dev.swarmboard.telemetry.MissionLogs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers committed Escalation events to their contact, off the orchestrator's transactional
 * loop: a webhook is POSTed with the JDK HTTP client and retried per {@link Backoff}, each attempt
 * recorded as an {@link EscalationAttempt} (signed, written with a plain {@link BlackboardWriter});
 * a topic gets a JSON record keyed by mission id; plain text is logged. The webhook URL is never
 * logged nor written anywhere: attempts record only the status code or the error's class. Each
 * escalation is delivered by one delivery at a time ({@link #inFlight}); once it is settled (delivered,
 * given up, or undeliverable) {@code settled} hears of it, so its follow-up can be closed. After a
 * restart {@link #resume} continues from the attempt after the last one recorded.
 */
public final class EscalationDeliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationDeliverer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EscalationSettings settings;
    private final BlackboardWriter attempts;
    private final Producer<byte[], byte[]> topics;
    private final String producerName;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Consumer<BlackboardEvent> settled;
    /** Escalation event id → the delivery under way here (one chain of attempts each). */
    private final Map<String, Delivery> inFlight = new ConcurrentHashMap<>();

    public EscalationDeliverer(EscalationSettings settings, BlackboardWriter attempts, Producer<byte[], byte[]> topics,
                               String producerName, Clock clock) {
        this(settings, attempts, topics, producerName, clock, event -> { });
    }

    /** A deliverer that tells {@code settled} of every escalation it has settled (on its own thread). */
    public EscalationDeliverer(EscalationSettings settings, BlackboardWriter attempts, Producer<byte[], byte[]> topics,
                               String producerName, Clock clock, Consumer<BlackboardEvent> settled) {
        this.settled = settled;
        this.settings = settings;
        this.attempts = attempts;
        this.topics = topics;
        this.producerName = producerName;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "escalation-deliverer");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).executor(scheduler)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts delivering a committed event if it is an Escalation not already under way here; returns at once. */
    public void accept(BlackboardEvent event) {
        resume(event, 1);
    }

    /**
     * Continues delivering a committed Escalation from attempt {@code attempt} (1 for one never
     * tried), unless it is already under way here; returns at once.
     */
    public void resume(BlackboardEvent event, int attempt) {
        if (!(event.getPayload() instanceof Escalation escalation) || escalation.getContact().isBlank()) {
            return;
        }
        Delivery delivery = new Delivery(event.getHeader().getMissionId());
        if (inFlight.putIfAbsent(event.getHeader().getEventId(), delivery) == null) {
            scheduler.execute(() -> deliver(event, escalation, delivery, attempt));
        }
    }

    /** Whether the escalation with this event id is being delivered here. */
    public boolean inFlight(String escalationId) {
        return inFlight.containsKey(escalationId);
    }

    /**
     * Stops the deliveries of the missions another instance now owns: no further attempt of theirs
     * is made here (one already sent still records its outcome). The new owner resumes them.
     */
    public void abandon(Predicate<String> missionMoved) {
        inFlight.values().removeIf(delivery -> missionMoved.test(delivery.missionId()));
    }

    private void deliver(BlackboardEvent event, Escalation escalation, Delivery delivery, int attempt) {
        String missionId = event.getHeader().getMissionId();
        try (MDC.MDCCloseable mission = MissionLogs.about(missionId)) {
            Contact.Parsed parsed = Contact.parse(escalation.getContact());
            if (parsed.contact().isEmpty()) {
                LOG.warn("escalation {} of mission {} not delivered: {}", event.getHeader().getEventId(), missionId,
                        parsed.problem().orElseThrow());
                settle(event);
                return;
            }
            Contact contact = parsed.contact().get();
            if (contact instanceof Contact.Text text) {
                LOG.info("escalation {} for mission {} to {}: {}", escalation.getSeverity(), missionId, text.text(),
                        escalation.getMessage());
                settle(event);
            } else if (contact instanceof Contact.Topic topic) {
                topics.send(new ProducerRecord<>(topic.topic(), missionId.getBytes(StandardCharsets.UTF_8),
                        body(event, escalation)), (metadata, error) -> {
                            if (error != null) {
                                LOG.warn("escalation {} of mission {} to topic {} failed: {}",
                                        event.getHeader().getEventId(), missionId, topic.topic(),
                                        error.getClass().getSimpleName());
                                inFlight.remove(event.getHeader().getEventId());
                            } else {
                                settle(event);
                            }
                        });
            } else if (contact instanceof Contact.Webhook webhook) {
                Optional<String> url = settings.webhooks().apply(webhook.variable());
                if (url.isEmpty()) {
                    LOG.warn("escalation {} of mission {} not delivered: environment variable {} is not set",
                            event.getHeader().getEventId(), missionId, webhook.variable());
                    record(event, attempt, "GAVE_UP", "unset " + webhook.variable());
                    return;
                }
                attempt(event, escalation, delivery, url.get(), attempt);
            }
        } catch (RuntimeException e) {
            LOG.warn("escalation {} of mission {} failed: {}", event.getHeader().getEventId(), missionId,
                    e.getClass().getSimpleName());
            inFlight.remove(event.getHeader().getEventId());
        }
    }

    private void attempt(BlackboardEvent event, Escalation escalation, Delivery delivery, String url, int attempt) {
        if (inFlight.get(event.getHeader().getEventId()) != delivery) {
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(event, escalation))).build();
        } catch (IllegalArgumentException e) {
            record(event, attempt, "GAVE_UP", "invalid URL in the environment variable");
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean ok = error == null && response.statusCode() / 100 == 2;
            String detail = error == null ? Integer.toString(response.statusCode()) : errorClass(error);
            if (ok) {
                record(event, attempt, "DELIVERED", detail);
            } else if (settings.backoff().last(attempt)) {
                record(event, attempt, "GAVE_UP", detail);
            } else {
                record(event, attempt, "FAILED", detail);
                Duration delay = settings.backoff().delayBefore(attempt + 1);
                scheduler.schedule(() -> attempt(event, escalation, delivery, url, attempt + 1), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    private static String errorClass(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }

    /** Closes the delivery: nothing more is owed for this escalation. */
    private void settle(BlackboardEvent escalation) {
        inFlight.remove(escalation.getHeader().getEventId());
        try {
            settled.accept(escalation);
        } catch (RuntimeException e) {
            LOG.warn("escalation {} delivered, but its follow-up could not be closed: {}",
                    escalation.getHeader().getEventId(), e.getClass().getSimpleName());
        }
    }

    private void record(BlackboardEvent escalation, int attempt, String outcome, String detail) {
        String missionId = escalation.getHeader().getMissionId();
        String escalationId = escalation.getHeader().getEventId();
        try (MDC.MDCCloseable mission = MissionLogs.about(missionId)) {
            LOG.info("escalation {} of mission {}: attempt {} {} ({})", escalationId, missionId, attempt, outcome,
                    detail);
        }
        EventOrigin origin = new EventOrigin(missionId, null, 0, producerName, escalationId,
                escalation.getHeader().getTraceparent());
        BlackboardEvent event = Events.create(origin, new EscalationAttempt(escalationId, attempt, outcome, detail),
                clock.instant(), missionId, "EscalationAttempt", escalationId, Integer.toString(attempt));
        boolean last = !"FAILED".equals(outcome);
        attempts.append(event).whenComplete((appended, error) -> {
            if (error != null) {
                LOG.warn("EscalationAttempt of {} could not be written: {}", escalationId,
                        error.getClass().getSimpleName());
                if (last) {
                    inFlight.remove(escalationId);
                }
            } else if (last) {
                // Only once the final attempt is on the blackboard: a restart before that delivers again.
                settle(escalation);
            }
        });
    }

    private static byte[] body(BlackboardEvent event, Escalation escalation) {
        ObjectNode body = JSON.createObjectNode();
        body.put("missionId", event.getHeader().getMissionId());
        body.put("severity", escalation.getSeverity());
        body.put("message", escalation.getMessage());
        body.put("eventId", event.getHeader().getEventId());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One chain of attempts for one escalation, told apart from a later one by identity. */
    private static final class Delivery {
        private final String missionId;

        Delivery(String missionId) {
            this.missionId = missionId;
        }

        String missionId() {
            return missionId;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        attempts.close();
        topics.close(Duration.ofSeconds(5));
    }
}
