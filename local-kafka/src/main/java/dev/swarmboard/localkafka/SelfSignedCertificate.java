package dev.swarmboard.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the broker's TLS key pair and a truststore holding its certificate with the JDK's own
 * {@code keytool}: a self-signed certificate for the listener's address is its own trust anchor, so no
 * library joins the build. Passwords reach keytool through its environment ({@code -storepass:env}),
 * never through its command line, which other local users could read.
 */
final class SelfSignedCertificate {

    private static final String ALIAS = "swarm-local-broker";
    private static final String PASSWORD_VARIABLE = "SWARM_LOCAL_KAFKA_STORE_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedCertificate() {
    }

    /** Writes {@code keystore} (key and certificate) and {@code truststore} (certificate only), PKCS12. */
    static void create(String host, Path keystore, Path truststore, Path certificate, String password) {
        keytool(password, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host + ",O=Swarmboard local-kafka", "-ext", "SAN=" + subjectAltName(host),
                "-validity", "3650", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        keytool(password, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-file", certificate.toString());
        keytool(password, "-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass:env", PASSWORD_VARIABLE);
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
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalKafkaException("keytool " + arguments[0] + " did not finish within "
                        + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
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
