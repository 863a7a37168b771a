package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.signing.TrustFileText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {

    private static final BlackboardEvent CANCELLATION = Events.create(EventOrigin.mission("m-1", "orchestrator/t"),
            new MissionCancelled("r", "a", List.of()), Instant.EPOCH, "m-1", "c");

    private static String generate(Path out, String... args) throws Exception {
        KeysCommand.Generate generate = new KeysCommand.Generate();
        new CommandLine(generate).parseArgs(args);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        generate.generate(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteAPrivateKeyFileAndPrintATrustEntryThatVerifiesIt(@TempDir Path dir) throws Exception {
        // When a key is generated for the orchestrator
        String entry = generate(dir, "--service", "orchestrator", "--out", dir.toString(), "--key-id", "orch-2026");

        // Then the key file is the owner's alone, the entry holds only the public key, and the two match
        Path key = dir.resolve("orch-2026.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(entry).startsWith("  orch-2026:\n    public_key: MCow").endsWith("may_write: [orchestrator]\n")
                .doesNotContain("PRIVATE");
        TrustFile trust = TrustFile.parse(TrustFileText.HEADER + entry).orThrow("entry");
        FactSigning signing = FactSigning.fromEnvironment(Map.of("SWARM_SIGNING_KEY_FILE", key.toString()));
        assertThat(FactVerifier.trusting(trust, "t").check(signing.signer().sign(CANCELLATION)).accepted()).isTrue();
    }

    @Test
    void shouldNeverOverwriteAKeyAndRefuseAnUnknownService(@TempDir Path dir) throws Exception {
        generate(dir, "--service", "digest", "--out", dir.toString());

        assertThatThrownBy(() -> generate(dir, "--service", "digest", "--out", dir.toString()))
                .hasMessageContaining("exists: a signing key is never overwritten");
        assertThatThrownBy(() -> generate(dir, "--service", "judge", "--out", dir.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--service judge is not one of");
    }

    @Test
    void shouldGiveAStackOneKeyPerServiceAndKeepThemAcrossRestarts(@TempDir Path dir) throws Exception {
        // Given a stack's keys created once
        StackKeys keys = StackKeys.ensure(dir.resolve("keys"));
        String trust = Files.readString(keys.trustFile());

        // When the stack starts again on the same directory
        StackKeys again = StackKeys.ensure(dir.resolve("keys"));

        // Then the keys and trust file are the same, and each service signs what only it may write
        assertThat(Files.readString(again.trustFile())).isEqualTo(trust);
        FactSigning orchestrator = FactSigning.fromEnvironment(keys.environment(Map.of(), SignerRole.ORCHESTRATOR));
        FactSigning laneWorker = FactSigning.fromEnvironment(keys.environment(Map.of(), SignerRole.LANE_WORKER));
        assertThat(orchestrator.verifier().check(orchestrator.signer().sign(CANCELLATION)).accepted()).isTrue();
        assertThat(orchestrator.verifier().check(laneWorker.signer().sign(CANCELLATION)).problem())
                .isEqualTo("key lane-worker may not sign a MissionCancelled");
    }
}
