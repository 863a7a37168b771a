package dev.swarmboard.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactSigningTest {

    private static final KeyPair PAIR = Ed25519Keys.generate();

    @Test
    void shouldSignWithAPemKeyFileNamedByItsFile(@TempDir Path dir) throws Exception {
        // Given a PEM key file and a trust file listing its public key
        Path key = Files.writeString(dir.resolve("verifier.key"), Ed25519Keys.privatePem(PAIR.getPrivate()));
        Path trust = Files.writeString(dir.resolve("trust.yaml"), TrustFileText.HEADER
                + TrustFileText.entry("verifier", PAIR.getPublic(), List.of("verifier")));

        // When configured from the environment
        FactSigning signing = FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY_FILE", key.toString(),
                "SWARM_TRUST_FILE", trust.toString()));

        // Then it signs as "verifier" and enforces the trust file
        assertThat(signing.signer().keyId()).isEqualTo("verifier");
        assertThat(signing.verifier().enforces()).isTrue();
        assertThat(signing.toString()).doesNotContain(Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded()));
    }

    @Test
    void shouldReadADerKeyFileAndAnInlineKey(@TempDir Path dir) throws Exception {
        Path der = Files.write(dir.resolve("lane.der"), PAIR.getPrivate().getEncoded());
        String base64 = Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());

        assertThat(FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY_FILE", der.toString())).signer().keyId())
                .isEqualTo("lane");
        FactSigning inline = FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY", base64,
                "SWARM_SIGNING_KEY_ID", "lane-2"));
        assertThat(inline.signer().keyId()).isEqualTo("lane-2");
        assertThat(inline.verifier().enforces()).isFalse();
    }

    @Test
    void shouldRefuseABadKeyWithoutEchoingIt() {
        String notAKey = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";

        assertThatThrownBy(() -> FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY", notAKey,
                "SWARM_SIGNING_KEY_ID", "x")))
                .hasMessage("SWARM_SIGNING_KEY: not an Ed25519 PKCS#8 private key (DER, PEM or base64)")
                .hasMessageNotContaining(notAKey);
        assertThatThrownBy(() -> FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY", notAKey)))
                .hasMessageContaining("SWARM_SIGNING_KEY_ID must name the signing key");
    }

    @Test
    void shouldRefuseAMissingKeyFileAndTwoKeys(@TempDir Path dir) {
        Path missing = dir.resolve("none.key");

        assertThatThrownBy(() -> FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY_FILE", missing.toString())))
                .hasMessageStartingWith("SWARM_SIGNING_KEY_FILE " + missing + " cannot be read");
        assertThatThrownBy(() -> FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY_FILE", missing.toString(),
                "SWARM_SIGNING_KEY", "x"))).hasMessage("set SWARM_SIGNING_KEY_FILE or SWARM_SIGNING_KEY, not both");
    }

    @Test
    void shouldSignNothingAndCheckNothingByDefault() {
        FactSigning signing = FactSigning.fromEnvironment(Map.of());

        assertThat(signing.signer().signs()).isFalse();
        assertThat(signing.verifier().enforces()).isFalse();
    }
}
