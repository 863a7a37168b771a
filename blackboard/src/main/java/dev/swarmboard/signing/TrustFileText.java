package dev.swarmboard.signing;

import java.security.PublicKey;
import java.util.List;

/** Writes trust file YAML that {@link TrustFile#parse} reads back: the header line and one entry per key. */
public final class TrustFileText {

    public static final String HEADER = "# Swarmboard trust file: the keys whose facts count and what each may sign\n"
            + "# (docs/operations.md#signed-facts)\nkeys:\n";

    private TrustFileText() {
    }

    /** One entry under {@code keys:}, indented for appending to a trust file. */
    public static String entry(String keyId, PublicKey publicKey, List<String> mayWrite) {
        return "  " + keyId + ":\n"
                + "    public_key: " + Ed25519Keys.publicBase64(publicKey) + "\n"
                + "    may_write: [" + String.join(", ", mayWrite) + "]\n";
    }
}
