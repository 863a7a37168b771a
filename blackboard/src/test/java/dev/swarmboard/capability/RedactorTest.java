package dev.swarmboard.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY = "sk-or-v1-canary-0123456789abcdef";
    private static final Redactor REDACTOR = Redactor.of(List.of(key(KEY)));

    private static ApiKey key(String value) {
        return new SecretResolver(Map.of("K", value)::get).lookup("K").orElseThrow();
    }

    @Test
    void shouldRedactTheKeyAndTheBearerForm() {
        assertThat(REDACTOR.redact("Authorization: Bearer " + KEY + " echoed"))
                .isEqualTo("Authorization: Bearer [redacted] echoed");
    }

    @Test
    void shouldRedactEveryPrefixSuffixAndMiddleOfAtLeastEightCharacters() {
        for (int length = Redactor.MIN_FRAGMENT; length <= KEY.length(); length++) {
            String prefix = KEY.substring(0, length);
            String suffix = KEY.substring(KEY.length() - length);
            assertThat(REDACTOR.redact("cut here: " + prefix + "…")).isEqualTo("cut here: [redacted]…");
            assertThat(REDACTOR.redact(suffix + " tail")).isEqualTo("[redacted] tail");
        }
        assertThat(REDACTOR.redact("mid " + KEY.substring(5, 20) + " end")).isEqualTo("mid [redacted] end");
    }

    @Test
    void shouldRedactTheUrlEncodedAndBase64Forms() {
        String base64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        String encoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);

        assertThat(REDACTOR.redact("basic " + base64)).doesNotContain(base64.substring(0, 8));
        assertThat(REDACTOR.redact("q=" + encoded)).isEqualTo("q=[redacted]");
    }

    @Test
    void shouldLeaveOtherTextAloneAndRedactAShortKeyOnlyWhole() {
        Redactor shortKey = Redactor.of(List.of(key("abc123")));

        assertThat(REDACTOR.redact("nothing secret here, sk-or-v2 alone")).isEqualTo("nothing secret here, sk-or-v2 alone");
        assertThat(shortKey.redact("abc12 and abc123")).isEqualTo("abc12 and [redacted]");
        assertThat(Redactor.NONE.redact(KEY)).isEqualTo(KEY);
        assertThat(REDACTOR.redact(null)).isNull();
    }
}
