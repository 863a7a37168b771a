package dev.swarmboard.capability;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads one entry of a registry's {@code models} mapping into a {@link ModelSpec}, recording every error. */
final class ModelSpecReader {

    private static final Set<String> COMMON_KEYS = Set.of("provider", "model", "max_tokens",
            "price_per_million_input_usd", "price_per_million_output_usd");
    private static final Set<String> OPENAI_KEYS = Set.of("base_url", "api_key_env", "api_key_file", "connect_timeout_seconds",
            "read_timeout_seconds", "max_retries", "response_format");
    private static final Set<String> SCRIPTED_KEYS = Set.of("script");
    private static final Set<String> ALL_KEYS = Stream.of(COMMON_KEYS, OPENAI_KEYS, SCRIPTED_KEYS)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Path baseDir;

    ModelSpecReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    Optional<ModelSpec> read(YamlMapping entry) {
        entry.rejectUnknownKeys(ALL_KEYS);
        Optional<ProviderKind> provider = entry.required("provider", entry.text("provider"))
                .flatMap(name -> parseProvider(entry, name));
        int maxTokens = entry.positiveInt("max_tokens", ModelSpec.DEFAULT_MAX_TOKENS);
        Pricing pricing = new Pricing(entry.nonNegativeNumber("price_per_million_input_usd", 0.0),
                entry.nonNegativeNumber("price_per_million_output_usd", 0.0));
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        if (provider.get() == ProviderKind.OPENAI) {
            rejectKeysOfOtherProvider(entry, SCRIPTED_KEYS, ProviderKind.SCRIPTED);
            String model = model(entry, ModelSpec.DEFAULT_MODEL);
            return endpoint(entry, baseDir).map(endpoint -> ModelSpec.openAi(model, maxTokens, pricing, endpoint));
        }
        rejectKeysOfOtherProvider(entry, OPENAI_KEYS, ProviderKind.OPENAI);
        String model = model(entry, ModelSpec.DEFAULT_SCRIPTED_MODEL);
        return script(entry).map(script -> ModelSpec.scripted(model, maxTokens, pricing, script));
    }

    private static Optional<ProviderKind> parseProvider(YamlMapping entry, String name) {
        Optional<ProviderKind> provider = ProviderKind.fromWireName(name);
        if (provider.isEmpty()) {
            entry.reject("provider", "must be openai or scripted");
        }
        return provider;
    }

    private static void rejectKeysOfOtherProvider(YamlMapping entry, Set<String> keys, ProviderKind owner) {
        entry.keys().stream()
                .filter(keys::contains)
                .forEach(key -> entry.reject(key, "only valid for provider " + owner.wireName()));
    }

    private static String model(YamlMapping entry, String fallback) {
        String model = entry.text("model", fallback);
        if (model.isBlank()) {
            entry.reject("model", "must not be blank");
        }
        return model;
    }

    private static Optional<OpenAiEndpoint> endpoint(YamlMapping entry, Path baseDir) {
        Optional<URI> baseUrl = baseUrl(entry);
        Optional<String> apiKeyEnv = entry.text("api_key_env").filter(name -> validEnvName(entry, name));
        Optional<Path> apiKeyFile = entry.text("api_key_file").flatMap(text -> keyFile(entry, baseDir, text));
        if (entry.has("api_key_env") && entry.has("api_key_file")) {
            entry.reject("api_key_file", "name the key by api_key_env or api_key_file, not both");
        }
        Duration connectTimeout = Duration.ofSeconds(entry.positiveInt("connect_timeout_seconds",
                (int) OpenAiEndpoint.DEFAULT_CONNECT_TIMEOUT.toSeconds()));
        Duration readTimeout = Duration.ofSeconds(entry.positiveInt("read_timeout_seconds",
                (int) OpenAiEndpoint.DEFAULT_READ_TIMEOUT.toSeconds()));
        int maxRetries = entry.nonNegativeInt("max_retries", OpenAiEndpoint.DEFAULT_MAX_RETRIES);
        Optional<ResponseFormat> format = responseFormat(entry);
        if (baseUrl.isEmpty() || format.isEmpty() || (apiKeyEnv.isPresent() && apiKeyFile.isPresent())) {
            return Optional.empty();
        }
        return Optional.of(new OpenAiEndpoint(baseUrl.get(), apiKeyEnv, connectTimeout, readTimeout, maxRetries,
                format.get(), apiKeyFile));
    }

    // Only the path is checked here; the lane worker reads the file at start (the orchestrator never does).
    private static Optional<Path> keyFile(YamlMapping entry, Path baseDir, String text) {
        try {
            return Optional.of(baseDir.resolve(text).normalize());
        } catch (InvalidPathException e) {
            entry.reject("api_key_file", "invalid path: " + e.getReason());
            return Optional.empty();
        }
    }

    private static Optional<URI> baseUrl(YamlMapping entry) {
        if (!entry.has("base_url")) {
            return Optional.of(OpenAiEndpoint.DEFAULT_BASE_URL);
        }
        return entry.text("base_url").flatMap(text -> {
            try {
                URI uri = new URI(text);
                boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                    entry.reject("base_url", "must be an http(s) URL with a host and no query");
                    return Optional.empty();
                }
                if (uri.getUserInfo() != null) {
                    entry.reject("base_url", "must not carry credentials; name them in api_key_env");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                entry.reject("base_url", "invalid URL: " + e.getReason());
                return Optional.empty();
            }
        });
    }

    // The message never repeats the value: a key pasted here by mistake must not reach the logs.
    private static boolean validEnvName(YamlMapping entry, String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            entry.reject("api_key_env", "must be the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*), "
                    + "never the key itself");
            return false;
        }
        return true;
    }

    private static Optional<ResponseFormat> responseFormat(YamlMapping entry) {
        String name = entry.text("response_format", ResponseFormat.NONE.wireName());
        Optional<ResponseFormat> format = ResponseFormat.fromWireName(name);
        if (format.isEmpty()) {
            entry.reject("response_format", "must be json_object or none");
        }
        return format;
    }

    private Optional<Path> script(YamlMapping entry) {
        return entry.required("script", entry.text("script")).flatMap(text -> {
            try {
                Path script = baseDir.resolve(text).normalize();
                if (!Files.isRegularFile(script)) {
                    entry.reject("script", "file not found: " + script);
                    return Optional.empty();
                }
                return Optional.of(script);
            } catch (InvalidPathException e) {
                entry.reject("script", "invalid path: " + e.getReason());
                return Optional.empty();
            }
        });
    }
}
