package dev.swarmboard.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadASmallUtf8File() throws IOException {
        Path file = Files.writeString(dir.resolve("m.yaml"), "goal: café\n");

        assertThat(InputFile.readText(file)).isEqualTo("goal: café\n");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void shouldRefuseADeviceAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero exists on Linux and macOS");

        assertThatThrownBy(() -> InputFile.readText(zero)).isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("/dev/zero is a device, FIFO or socket, not a regular file");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void shouldRefuseAFifoWithoutOpeningIt() throws Exception {
        // Given a FIFO no one writes to: opening it would block for ever
        Path fifo = dir.resolve("mission.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        // Then it is refused at once
        assertThatThrownBy(() -> InputFile.readText(fifo)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("is a device, FIFO or socket, not a regular file");
    }

    @Test
    void shouldRefuseADirectory() {
        assertThatThrownBy(() -> InputFile.readText(dir)).isInstanceOf(InputFileException.class)
                .hasMessage(dir + " is a directory, not a regular file (input files are regular UTF-8 files of at"
                        + " most 1048576 bytes)");
    }

    @Test
    void shouldRefuseAFileOverTheCapByItsSize() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[InputFile.MAX_BYTES + 1]);

        assertThatThrownBy(() -> InputFile.readText(big)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("is 1048577 bytes, over the limit of 1048576 bytes");
    }

    @Test
    void shouldAcceptAFileOfExactlyTheCap() throws IOException {
        Path full = Files.write(dir.resolve("full.yaml"), "a".repeat(InputFile.MAX_BYTES).getBytes());

        assertThat(InputFile.readText(full)).hasSize(InputFile.MAX_BYTES);
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'g', ':', ' ', (byte) 0xE9});

        assertThatThrownBy(() -> InputFile.readText(latin1)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void shouldNameAMissingFile() {
        assertThatThrownBy(() -> InputFile.readText(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml cannot be read (NoSuchFileException");
    }
}
