package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityMaterialTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheCertificateAndPasswordsAcrossRestartsAndAddNewUsers() throws Exception {
        // Given material created for two users
        SecurityMaterial first = SecurityMaterial.loadOrCreate(dir, "127.0.0.1", new SecureUsers("boss", List.of("a")));
        byte[] keystore = Files.readAllBytes(first.keystore());

        // When it is loaded again with one more user
        SecurityMaterial again = SecurityMaterial.loadOrCreate(dir, "127.0.0.1",
                new SecureUsers("boss", List.of("a", "b")));

        // Then the stores and known passwords are the same, the new user has one, and only the owner can read them
        assertThat(Files.readAllBytes(again.keystore())).isEqualTo(keystore);
        assertThat(again.storePassword()).isEqualTo(first.storePassword());
        assertThat(again.password("a")).isEqualTo(first.password("a")).hasSize(32);
        assertThat(again.password("b")).isNotEqualTo(again.password("a"));
        assertThat(Files.exists(again.truststore())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }
}
