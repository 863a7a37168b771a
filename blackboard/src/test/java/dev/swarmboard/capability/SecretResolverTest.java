package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    @Test
    void shouldReadAKeyFileAndWarnWhenOthersMayReadIt(@TempDir Path dir) throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger(SecretResolver.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);

        // When
        ApiKey key = new SecretResolver(Map.<String, String>of()::get).readKeyFile(file);
        logger.detachAppender(log);

        // Then
        assertThat(key.reveal()).isEqualTo(KEY);
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(file.toString()).contains("rw-r--r--").doesNotContain(KEY);
    }

    @Test
    void shouldRefuseAKeyFileThatIsNotAKeyWithoutShowingItsContent(@TempDir Path dir) throws Exception {
        // Given
        SecretResolver resolver = new SecretResolver(Map.<String, String>of()::get);
        Path empty = Files.writeString(dir.resolve("empty"), "  \n");
        Path large = Files.writeString(dir.resolve("large"), KEY.repeat(1000));

        // Then
        assertThatThrownBy(() -> resolver.readKeyFile(dir)).hasMessage("API key file " + dir + ": not a regular file");
        assertThatThrownBy(() -> resolver.readKeyFile(empty)).hasMessage("API key file " + empty + ": empty");
        assertThatThrownBy(() -> resolver.readKeyFile(large)).hasMessageNotContaining(KEY)
                .hasMessageContaining("larger than 4096 bytes");
    }
}
