package dev.swarmboard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What a command prints to stderr during one test ({@code @RegisterExtension}); stderr is restored after it. */
final class CapturedStdErr implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        err.reset();
        original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    /** Everything printed so far in this test. */
    String text() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
