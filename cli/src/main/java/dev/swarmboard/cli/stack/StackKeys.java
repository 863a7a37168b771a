package dev.swarmboard.cli.stack;

import dev.swarmboard.signing.Ed25519Keys;
import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.signing.SigningKeyFile;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.signing.TrustFileText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing keys of an embedded stack ({@code swarm demo}, {@code swarm up}): one Ed25519 key per
 * service, {@code <dir>/<service>.key} (0600), and {@code <dir>/trust.yaml} allowing each key only
 * its service's event types. Created on first use and reused on restart, so a data directory's facts
 * stay verifiable; {@link #NONE} runs a stack unsigned.
 */
public record StackKeys(Path dir) {

    /** No keys: every service writes unsigned facts and accepts any. */
    public static final StackKeys NONE = new StackKeys(null);

    public static final String TRUST_FILE = "trust.yaml";

    /** The keys in {@code dir}, generated with their trust file when the trust file is absent. */
    public static StackKeys ensure(Path dir) {
        Path trust = dir.resolve(TRUST_FILE);
        if (Files.isRegularFile(trust)) {
            TrustFile.load(trust);
            return new StackKeys(dir);
        }
        try {
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder(TrustFileText.HEADER);
            for (SignerRole role : SignerRole.values()) {
                KeyPair pair = Ed25519Keys.generate();
                Path key = dir.resolve(role.service() + ".key");
                Files.deleteIfExists(key);
                SigningKeyFile.write(key, pair.getPrivate());
                text.append(TrustFileText.entry(role.service(), pair.getPublic(), List.of(role.service())));
            }
            Files.writeString(trust, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stack's signing keys in " + dir + ": " + e.getMessage(), e);
        }
        return new StackKeys(dir);
    }

    public Path trustFile() {
        return dir == null ? null : dir.resolve(TRUST_FILE);
    }

    /** The environment of one service: {@code base} with its key, key id and the trust file. */
    public Map<String, String> environment(Map<String, String> base, SignerRole role) {
        if (dir == null) {
            return base;
        }
        Map<String, String> env = new HashMap<>(base);
        env.put(FactSigning.KEY_FILE.env(), dir.resolve(role.service() + ".key").toString());
        env.put(FactSigning.KEY_ID.env(), role.service());
        env.remove(FactSigning.KEY.env());
        env.put(FactSigning.TRUST_FILE.env(), trustFile().toString());
        return env;
    }
}
