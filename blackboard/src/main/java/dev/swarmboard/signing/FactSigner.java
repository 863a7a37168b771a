package dev.swarmboard.signing;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Signs the facts one service writes: sets the header's {@code signerKeyId} and its Ed25519
 * {@code signature} over {@link SignedBytes}. {@link #UNSIGNED} writes facts as they are, for a
 * service started without a signing key. The key is never printed ({@link #toString()} names the id).
 */
public final class FactSigner {

    /** Leaves facts unsigned. */
    public static final FactSigner UNSIGNED = new FactSigner(null, null);

    private final String keyId;
    private final PrivateKey key;

    private FactSigner(String keyId, PrivateKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    /** A signer with the given key, published under {@code keyId} in the trust file. */
    public static FactSigner of(String keyId, PrivateKey key) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id");
        }
        if (!Ed25519Keys.ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("signing key " + keyId + " is " + key.getAlgorithm() + ", not Ed25519");
        }
        return new FactSigner(keyId, Objects.requireNonNull(key));
    }

    public boolean signs() {
        return key != null;
    }

    /** The key id, or null when unsigned. */
    public String keyId() {
        return keyId;
    }

    /** The event with its header signed (a copy; the given event is not changed), or as given when unsigned. */
    public BlackboardEvent sign(BlackboardEvent event) {
        if (key == null) {
            return event;
        }
        EventHeader header = EventHeader.newBuilder(event.getHeader()).setSignerKeyId(keyId).setSignature(null)
                .build();
        header.setSignature(ByteBuffer.wrap(signature(SignedBytes.of(header, keyId))));
        return new BlackboardEvent(header, event.getPayload());
    }

    /**
     * The event without its signer and signature: what a re-derivation (a replayed verdict) is
     * compared with, since only the writer's key can reproduce the signature.
     */
    public static BlackboardEvent unsigned(BlackboardEvent event) {
        if (event.getHeader().getSignature() == null && event.getHeader().getSignerKeyId() == null) {
            return event;
        }
        EventHeader header = EventHeader.newBuilder(event.getHeader()).setSignerKeyId(null).setSignature(null).build();
        return new BlackboardEvent(header, event.getPayload());
    }

    private byte[] signature(byte[] message) {
        try {
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return key == null ? "unsigned" : "Ed25519 key " + keyId;
    }
}
