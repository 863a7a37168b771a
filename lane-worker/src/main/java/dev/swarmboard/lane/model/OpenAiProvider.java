package dev.swarmboard.lane.model;

import dev.swarmboard.capability.ApiKey;
import dev.swarmboard.capability.OpenAiEndpoint;
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
 * The API key is read from its environment variable at each call and sent only as a bearer token;
 * without {@code api_key_env} no {@code Authorization} header is sent (local servers need none).
 * One instance serves every {@code openai} model; it is safe to share between lanes.
 */
public final class OpenAiProvider implements ModelProvider {

    private final SecretResolver secrets;
    private final Backoff backoff;
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    public OpenAiProvider(SecretResolver secrets, Backoff backoff) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ModelCallException {
        OpenAiEndpoint endpoint = request.spec().endpoint().orElseThrow(() -> new ModelCallException(
                request.modelKey() + ": not an openai model", List.of()));
        return new OpenAiCall(client(endpoint.connectTimeout()), backoff, request, endpoint, apiKey(request, endpoint))
                .run();
    }

    private Optional<ApiKey> apiKey(ModelRequest request, OpenAiEndpoint endpoint) throws ModelCallException {
        if (endpoint.apiKeyEnv().isEmpty()) {
            return Optional.empty();
        }
        String variable = endpoint.apiKeyEnv().get();
        Optional<ApiKey> key = secrets.lookup(variable);
        if (key.isEmpty()) {
            throw new ModelCallException(request.modelKey() + ": env var " + variable + " is not set", List.of());
        }
        return key;
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
