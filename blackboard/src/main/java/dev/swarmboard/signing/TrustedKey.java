package dev.swarmboard.signing;

import java.security.PublicKey;
import java.util.Set;

/** One trust file entry: a key id, its Ed25519 public key and the event types it may sign. */
public record TrustedKey(String keyId, PublicKey publicKey, Set<String> mayWrite) {

    public TrustedKey {
        mayWrite = Set.copyOf(mayWrite);
    }

    public boolean mayWrite(String type) {
        return mayWrite.contains(type);
    }
}
