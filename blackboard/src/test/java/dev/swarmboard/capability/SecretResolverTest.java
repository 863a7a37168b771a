package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

    private static final String KEY = "sk-test-4f1c9e";

    @Test
    void shouldReadTheKeyFromTheSuppliedEnvironmentAtLookupTime() {
        // Given
        Map<String, String> environment = new java.util.HashMap<>();
        SecretResolver resolver = new SecretResolver(environment::get);

        // When
        environment.put("OPENROUTER_API_KEY", KEY);

        // Then
        assertThat(resolver.lookup("OPENROUTER_API_KEY")).get().extracting(ApiKey::reveal).isEqualTo(KEY);
    }

    @Test
    void shouldTreatAnUnsetOrBlankVariableAsNoKey() {
        // Given
        SecretResolver resolver = new SecretResolver(Map.of("BLANK", "  ")::get);

        // Then
        assertThat(resolver.lookup("BLANK")).isEmpty();
        assertThat(resolver.lookup("UNSET")).isEmpty();
    }

    @Test
    void shouldNeverShowTheKeyInTextAndRedactItFromMessages() {
        // Given
        ApiKey key = new SecretResolver(Map.of("K", KEY)::get).lookup("K").orElseThrow();

        // Then
        assertThat(key.toString()).doesNotContain(KEY);
        assertThat(key.redact("echo: Bearer " + KEY)).isEqualTo("echo: Bearer [redacted]");
    }
}
