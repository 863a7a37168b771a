package dev.swarmboard.signing;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EventHeader;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides whether a fact counts. With a trust file a fact must carry a signature that verifies, over
 * {@link SignedBytes}, under a listed key allowed to write the payload's type, and its payload must
 * hash to the signed contentHash; anything else is refused with the reason. Without a trust file
 * every fact is accepted as {@link FactCheck.Status#UNAUTHENTICATED}: nothing is proven.
 */
public final class FactVerifier {

    private static final FactVerifier UNAUTHENTICATED = new FactVerifier(null, "no trust file");

    private final TrustFile trust;
    private final String source;

    private FactVerifier(TrustFile trust, String source) {
        this.trust = trust;
        this.source = source;
    }

    /** Accepts every fact; used when no trust file is configured. */
    public static FactVerifier unauthenticated() {
        return UNAUTHENTICATED;
    }

    /** Accepts only facts signed by the trust file's keys, each for the types it may write. */
    public static FactVerifier trusting(TrustFile trust, String source) {
        return new FactVerifier(trust, source);
    }

    /** True when a trust file is configured, so unverified facts are refused. */
    public boolean enforces() {
        return trust != null;
    }

    public FactCheck check(BlackboardEvent event) {
        EventHeader header = event.getHeader();
        String keyId = header.getSignerKeyId() == null ? null : header.getSignerKeyId().toString();
        String signer = keyId == null || header.getSignature() == null ? FactCheck.UNSIGNED : keyId;
        if (trust == null) {
            return FactCheck.unauthenticated(signer);
        }
        if (signer.equals(FactCheck.UNSIGNED)) {
            return FactCheck.refused(signer, "the fact is not signed");
        }
        Optional<TrustedKey> key = trust.key(keyId);
        if (key.isEmpty()) {
            return FactCheck.refused(signer, "key " + keyId + " is not in the trust file");
        }
        String payloadType = ((SpecificRecord) event.getPayload()).getSchema().getName();
        if (!payloadType.equals(header.getType().toString())) {
            return FactCheck.refused(signer, "header type " + header.getType() + " does not name the payload, a "
                    + payloadType);
        }
        if (!key.get().mayWrite(payloadType)) {
            return FactCheck.refused(signer, "key " + keyId + " may not sign a " + payloadType);
        }
        if (!verifies(key.get(), SignedBytes.of(header, keyId), bytes(header.getSignature()))) {
            return FactCheck.refused(signer, "the signature does not verify under key " + keyId);
        }
        if (!ContentHash.of((SpecificRecord) event.getPayload()).equals(header.getContentHash().toString())) {
            return FactCheck.refused(signer, "the payload does not match the signed contentHash");
        }
        return FactCheck.verified(signer);
    }

    private static boolean verifies(TrustedKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(key.publicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return trust == null ? source : "trust file " + source + " (" + trust.keys().size() + " keys)";
    }
}
