package dev.swarmboard.localkafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The secrets of a secured cluster, kept in {@code <data dir>/security} (owner-only) so a restart on the same
 * data finds the same certificate and passwords: the broker's keystore, the clients' truststore, and one
 * random SCRAM password per user. A user added since the last start gets a password then.
 *
 * @param keystore           PKCS12 key pair of every broker (one loopback certificate serves all nodes)
 * @param truststore         PKCS12 truststore holding that certificate
 * @param storePassword      password of both stores
 * @param passwords          SCRAM password of each user
 */
record SecurityMaterial(Path keystore, Path truststore, String storePassword, Map<String, String> passwords) {

    private static final String SECRETS = "secrets.properties";
    private static final String STORE_KEY = "store.password";
    private static final String USER_KEY = "user.";
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    SecurityMaterial {
        passwords = Map.copyOf(passwords);
    }

    /** Reads the material in {@code dir}, creating what is missing: certificate, stores and passwords. */
    static SecurityMaterial loadOrCreate(Path dir, String host, SecureUsers users) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            Path secretsFile = dir.resolve(SECRETS);
            Properties secrets = read(secretsFile);
            String storePassword = secrets.getProperty(STORE_KEY);
            Path keystore = dir.resolve("broker.p12");
            Path truststore = dir.resolve("truststore.p12");
            if (storePassword == null || !Files.exists(keystore) || !Files.exists(truststore)) {
                storePassword = randomPassword();
                Files.deleteIfExists(keystore);
                Files.deleteIfExists(truststore);
                SelfSignedCertificate.create(host, keystore, truststore, storePassword);
                secrets.setProperty(STORE_KEY, storePassword);
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String user : users.all()) {
                String key = USER_KEY + user;
                secrets.putIfAbsent(key, randomPassword());
                passwords.put(user, secrets.getProperty(key));
            }
            write(secretsFile, secrets);
            return new SecurityMaterial(keystore, truststore, storePassword, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare TLS and SCRAM material in " + dir, e);
        }
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user '" + user + "' on this cluster; users are "
                    + passwords.keySet());
        }
        return password;
    }

    /** Writes a file only its owner can read; the content is a secret. */
    static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file, "rw-------");
        Files.writeString(file, content);
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static void write(Path file, Properties secrets) throws IOException {
        StringBuilder content = new StringBuilder("# TLS store and SCRAM passwords of this local cluster\n");
        new TreeMap<>(secrets).forEach((key, value) ->
                content.append(key).append('=').append(value).append('\n'));
        writeSecret(file, content.toString());
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        // Windows has no POSIX modes; the user's profile directory is what protects the file there.
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static String randomPassword() {
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}
