package dev.swarmboard.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the broker's TLS key pair with the JDK's own {@code keytool}, and a truststore holding its
 * certificate with {@link KeyStore}: a self-signed certificate for the listener's address is its own
 * trust anchor, so no library joins the build. Passwords reach keytool through its environment ({@code -storepass:env}),
 * never through its command line, which other local users could read.
 */
final class SelfSignedCertificate {

    private static final String ALIAS = "swarm-local-broker";
    private static final String PASSWORD_VARIABLE = "SWARM_LOCAL_KAFKA_STORE_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedCertificate() {
    }

    /** Writes {@code keystore} (key and certificate) and {@code truststore} (certificate only), PKCS12. */
    static void create(String host, Path keystore, Path truststore, String password) {
        keytool(password, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host + ",O=Swarmboard local-kafka", "-ext", "SAN=" + subjectAltName(host),
                "-validity", "3650", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        // The truststore needs no keytool of its own: KeyStore copies the certificate in this JVM.
        char[] secret = password.toCharArray();
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, secret);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, secret);
            trust.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trust.store(out, secret);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalKafkaException("cannot write the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    /** An IP address must be an {@code ip:} name for hostname verification to accept it. */
    private static String subjectAltName(String host) {
        boolean literal = host.matches("[0-9.]+") || host.contains(":");
        String own = (literal ? "ip:" : "dns:") + host;
        return own.equals("dns:localhost") ? own : own + ",dns:localhost";
    }

    private static void keytool(String password, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            Process process = builder.start();
            // keytool prints a few lines at most: far below a pipe's buffer, so waiting first cannot block it.
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalKafkaException("keytool " + arguments[0] + " did not finish within "
                        + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new LocalKafkaException("keytool " + arguments[0] + " failed (exit " + process.exitValue()
                        + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new LocalKafkaException("cannot run keytool from " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("interrupted while running keytool " + arguments[0], e);
        }
    }
}
