package dev.swarmboard.lane.model;

import dev.swarmboard.capability.ApiKey;
import dev.swarmboard.capability.OpenAiEndpoint;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.capability.SecretResolver;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls any OpenAI-compatible chat-completions endpoint ({@code POST {base_url}/chat/completions}).
 * The API key (from its variable at each call, or its file read at start) is sent only as a bearer
 * token; without one no {@code Authorization} header is sent (local servers need none). Everything
 * the provider sends back is scrubbed of every known key before it leaves the call.
 * One instance serves every {@code openai} model; it is safe to share between lanes.
 */
public final class OpenAiProvider implements ModelProvider {

    private final ModelKeys keys;
    private final Backoff backoff;
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    public OpenAiProvider(ModelKeys keys, Backoff backoff) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** A provider whose keys come only from environment variables, read at call time. */
    public OpenAiProvider(SecretResolver secrets, Backoff backoff) {
        this(ModelKeys.fromEnvironment(secrets), backoff);
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ModelCallException {
        OpenAiEndpoint endpoint = request.spec().endpoint().orElseThrow(() -> new ModelCallException(
                request.modelKey() + ": not an openai model", List.of()));
        Optional<ApiKey> key = keys.keyFor(request.modelKey(), endpoint);
        Redactor redactor = key.map(keys.redactor()::with).orElse(keys.redactor());
        return new OpenAiCall(client(endpoint.connectTimeout()), backoff, request, endpoint, key, redactor).run();
    }

    // The JDK client fixes its connect timeout at build time, so there is one client per timeout in use.
    private HttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
