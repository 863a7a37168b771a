package dev.swarmboard.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys from the JDK in their standard encodings: private keys as PKCS#8, public keys as
 * X.509 SubjectPublicKeyInfo, each as DER, PEM or bare base64. Errors never echo key material.
 */
public final class Ed25519Keys {

    public static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 key generator", e);
        }
    }

    /** A PKCS#8 private key from DER bytes, or from PEM / base64 text in those bytes. */
    public static PrivateKey privateKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(encoded, PRIVATE_PEM)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key (DER, PEM or base64)");
        }
    }

    /** An X.509 SPKI public key from PEM or base64 text. */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(der(text.getBytes(StandardCharsets.US_ASCII), PUBLIC_PEM)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key (PEM or base64)");
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE_PEM, key.getEncoded());
    }

    /** The public key as one line of base64 (X.509 SPKI DER), the form trust files use. */
    public static String publicBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** DER bytes: as given when they start a DER sequence, else decoded from PEM armour or bare base64. */
    private static byte[] der(byte[] encoded, String label) {
        if (encoded.length > 0 && encoded[0] == 0x30) {
            return encoded;
        }
        String text = new String(encoded, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (text.startsWith(begin)) {
            int stop = text.indexOf(end);
            if (stop < 0) {
                throw new IllegalArgumentException("PEM without its END line");
            }
            text = text.substring(begin.length(), stop);
        }
        return Base64.getMimeDecoder().decode(text.replaceAll("\\s+", ""));
    }
}
