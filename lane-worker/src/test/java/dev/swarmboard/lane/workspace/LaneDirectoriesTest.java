package dev.swarmboard.lane.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneDirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreateAPrivateRootAndAFreshDirectoryPerRun() throws IOException {
        // Given
        Path root = dir.resolve("lanes");

        // When
        Path first = LaneDirectories.createFresh(root, "m-1", "lane-a", 1);
        Path second = LaneDirectories.createFresh(root, "m-1", "lane-a", 1);

        // Then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(first).isNotEqualTo(second).hasParent(root.resolve("m-1").resolve("lane-a"));
        assertThat(first.getFileName().toString()).startsWith("attempt-1-");
        assertThat(Files.list(first)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwx------");
    }

    @Test
    void shouldRefuseAPreCreatedSymlinkAtTheLaneDirectory() throws IOException {
        // Given: someone put a link where the lane's directory goes
        Path root = LaneDirectories.prepareRoot(dir.resolve("lanes"));
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createDirectory(root.resolve("m-1"));
        Files.createSymbolicLink(root.resolve("m-1").resolve("lane-a"), target);

        // Then
        assertThatThrownBy(() -> LaneDirectories.createFresh(root, "m-1", "lane-a", 1))
                .isInstanceOf(IOException.class).hasMessageContaining("is a symbolic link");
        assertThat(Files.list(target)).isEmpty();
    }

    @Test
    void shouldRefuseARootReachedThroughASymlink() throws IOException {
        // Given
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path root = Files.createSymbolicLink(dir.resolve("lanes"), target);

        // Then
        assertThatThrownBy(() -> LaneDirectories.prepareRoot(root)).hasMessageContaining("is a symbolic link");
    }

    @Test
    void shouldTightenAnExistingRootWithWiderPermissions() throws IOException {
        // Given
        Path root = Files.createDirectory(dir.resolve("lanes"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));

        // When
        LaneDirectories.prepareRoot(root);

        // Then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rwx------");
    }

    @Test
    void shouldRefuseUnsafeIds() {
        assertThatThrownBy(() -> LaneDirectories.createFresh(dir, "..", "lane-a", 1))
                .hasMessageContaining("not a safe directory name");
        assertThatThrownBy(() -> LaneDirectories.createFresh(dir, "m-1", "a/b", 1))
                .hasMessageContaining("not a safe directory name");
    }

    @Test
    void shouldDefaultToAPerUserRootUnderTheTemporaryDirectory() {
        assertThat(LaneDirectories.defaultRoot().getFileName().toString())
                .isEqualTo("swarm-lanes-" + System.getProperty("user.name"));
    }
}
