package dev.swarmboard.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.capability.ConfigError;
import dev.swarmboard.capability.Parsed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFileTest {

    private static final String VERIFIER_KEY = Ed25519Keys.publicBase64(Ed25519Keys.generate().getPublic());
    private static final String DIGEST_KEY = Ed25519Keys.publicBase64(Ed25519Keys.generate().getPublic());

    private static List<String> errors(String yaml) {
        Parsed<TrustFile> parsed = TrustFile.parse(yaml);
        assertThat(parsed.isValid()).isFalse();
        return parsed.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void shouldExpandServicesAndTypesIntoWhatEachKeyMaySign() {
        // Given one key per role, one of them limited to a single event type
        TrustFile trust = TrustFile.parse("""
                keys:
                  verifier-1:
                    public_key: %s
                    may_write: [verifier]
                  digest-1:
                    public_key: %s
                    may_write: [DigestPublished]
                """.formatted(VERIFIER_KEY, DIGEST_KEY)).orThrow("test");

        assertThat(trust.key("verifier-1").orElseThrow().mayWrite()).containsExactly("QuorumReached");
        assertThat(trust.key("digest-1").orElseThrow().mayWrite("DigestPublished")).isTrue();
        assertThat(trust.key("digest-1").orElseThrow().mayWrite("DigestRejected")).isFalse();
        assertThat(trust.key("nobody")).isEmpty();
    }

    @Test
    void shouldReadAPemPublicKey() {
        KeyPair pair = Ed25519Keys.generate();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Ed25519Keys.publicBase64(pair.getPublic())
                + "\n-----END PUBLIC KEY-----\n";
        String yaml = "keys:\n  lane-a:\n    public_key: |\n"
                + pem.lines().map(line -> "      " + line + "\n").reduce("", String::concat)
                + "    may_write: [lane-worker]\n";

        assertThat(TrustFile.parse(yaml).orThrow("test").key("lane-a").orElseThrow().publicKey())
                .isEqualTo(pair.getPublic());
    }

    @Test
    void shouldReportEveryErrorWithItsLine() {
        List<String> errors = errors("""
                keys:
                  verifier-1:
                    public_key: not-a-key
                    may_write: [verifier]
                  digest-1:
                    public_key: %s
                    may_write: [digest, judge]
                  orchestrator-1:
                    public_key: %s
                    may_write: []
                    role: orchestrator
                  lane-1:
                    may_write: [lane-worker]
                extra: 1
                """.formatted(DIGEST_KEY, VERIFIER_KEY));

        assertThat(errors).containsExactlyInAnyOrder(
                "extra: unknown key (allowed: keys) (line 14)",
                "keys.verifier-1.public_key: not an Ed25519 X.509 public key (PEM or base64) (line 3)",
                "keys.digest-1.may_write: unknown service or event type judge (services: orchestrator, lane-worker,"
                        + " verifier, digest) (line 7)",
                "keys.orchestrator-1.role: unknown key (allowed: may_write, public_key) (line 11)",
                "keys.orchestrator-1.may_write: is empty: list the services or event types this key may sign (line 10)",
                "keys.lane-1.public_key: required (line 12)");
    }

    @Test
    void shouldRefuseOnePublicKeyUnderTwoIds() {
        assertThat(errors("""
                keys:
                  a:
                    public_key: %1$s
                    may_write: [verifier]
                  b:
                    public_key: %1$s
                    may_write: [digest]
                """.formatted(VERIFIER_KEY))).containsExactly("keys.b: has the same public key as a: one key, one id (line 5)");
    }

    @Test
    void shouldRefuseAnEmptyOrKeylessFileAndBadIds() {
        assertThat(errors("keys: {}\n")).containsExactly(
                "keys: lists no key: a trust file that trusts nothing would refuse every fact (line 1)");
        assertThat(errors("# nothing\n")).containsExactly("(document): the document is empty");
        assertThat(errors("keys:\n  'bad id':\n    public_key: x\n    may_write: [digest]\n")).containsExactly(
                "keys.bad id: is not a key id (1-100 of A-Z a-z 0-9 . _ : -) (line 2)");
        assertThat(errors("keys:\n  a:\n    public_key: " + VERIFIER_KEY + "\n    may_write: [verifier]\n"
                + "  a:\n    public_key: " + DIGEST_KEY + "\n    may_write: [digest]\n"))
                .containsExactly("keys.a: duplicate key (line 5)");
    }

    @Test
    void shouldNameTheFileWhenLoadingFails(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("trust.yaml"), "keys:\n  a: 3\n");

        assertThatThrownBy(() -> TrustFile.load(file)).isInstanceOf(TrustFileException.class)
                .hasMessage("invalid trust file " + file + ":\n  - keys.a: must be a mapping (line 2)");
    }
}
