package dev.swarmboard.signing;

import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.input.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's signing settings: the key it signs its facts with (from {@code SWARM_SIGNING_KEY_FILE}
 * or {@code SWARM_SIGNING_KEY}, under {@code SWARM_SIGNING_KEY_ID}) and the trust file it checks
 * other facts against ({@code SWARM_TRUST_FILE}). A key that cannot be read fails the start; the key
 * itself is never logged or shown.
 */
public record FactSigning(FactSigner signer, FactVerifier verifier) {

    private static final Logger LOG = LoggerFactory.getLogger(FactSigning.class);

    public static final ConfigParameter<String> KEY_FILE = ConfigParameter.string("SWARM_SIGNING_KEY_FILE", null,
            "Ed25519 private key (PKCS#8 PEM or DER) this service signs its facts with");
    public static final ConfigParameter<String> KEY = ConfigParameter.string("SWARM_SIGNING_KEY", null,
            "The signing key itself (PKCS#8 PEM or base64), instead of a file; never logged");
    public static final ConfigParameter<String> KEY_ID = ConfigParameter.string("SWARM_SIGNING_KEY_ID", null,
            "Id of the signing key in trust files (default: the key file's name without .key/.pem/.der)");
    public static final ConfigParameter<String> TRUST_FILE = ConfigParameter.string("SWARM_TRUST_FILE", null,
            "Trust file (YAML): the keys whose facts count and what each may sign (unset: facts not authenticated)");

    public static final List<ConfigParameter<?>> PARAMETERS = List.of(KEY_FILE, KEY, KEY_ID, TRUST_FILE);

    /** Unsigned writes, every fact accepted: tests and tools that write nothing. */
    public static final FactSigning NONE = new FactSigning(FactSigner.UNSIGNED, FactVerifier.unauthenticated());

    public static FactSigning fromEnvironment(Map<String, String> env) {
        String trustFile = TRUST_FILE.resolve(env);
        FactVerifier verifier = trustFile == null ? FactVerifier.unauthenticated()
                : FactVerifier.trusting(TrustFile.load(Path.of(trustFile)), trustFile);
        return new FactSigning(signer(env), verifier);
    }

    /** Logs, once at a service's start, whether it signs and whether it checks what it reads. */
    public void logAtStart(String service) {
        LOG.info("{} signs its facts: {}", service, signer.signs() ? signer : "no (no signing key configured)");
        if (verifier.enforces()) {
            LOG.info("{} accepts only facts verified against {}", service, verifier);
        } else {
            LOG.warn("{} has no trust file ({}): facts on the blackboard are NOT authenticated, any producer "
                    + "can write any fact", service, TRUST_FILE.env());
        }
    }

    private static FactSigner signer(Map<String, String> env) {
        String file = KEY_FILE.resolve(env);
        String inline = KEY.resolve(env);
        if (file != null && inline != null) {
            throw new IllegalArgumentException("set " + KEY_FILE.env() + " or " + KEY.env() + ", not both");
        }
        if (file == null && inline == null) {
            return FactSigner.UNSIGNED;
        }
        String keyId = KEY_ID.resolve(env) != null ? KEY_ID.resolve(env) : file == null ? null : idOf(Path.of(file));
        if (keyId == null || !TrustFile.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(KEY_ID.env() + " must name the signing key (1-100 of A-Z a-z 0-9 . _ : -)");
        }
        byte[] encoded = file != null ? read(Path.of(file)) : inline.getBytes(StandardCharsets.US_ASCII);
        try {
            return FactSigner.of(keyId, Ed25519Keys.privateKey(encoded));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((file != null ? KEY_FILE.env() + " " + file : KEY.env()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The key id a key file implies: its name without a .key, .pem or .der suffix. */
    public static String idOf(Path keyFile) {
        return keyFile.getFileName().toString().replaceFirst("\\.(key|pem|der)$", "");
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > InputFile.MAX_BYTES) {
                throw new IllegalArgumentException(KEY_FILE.env() + " " + file + " is too large for a key");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(KEY_FILE.env() + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "signing " + signer + ", checking " + verifier;
    }
}
