package dev.swarmboard.cli;

import dev.swarmboard.signing.Ed25519Keys;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.signing.SigningKeyFile;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.signing.TrustFileText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swarm keys generate}: a new Ed25519 signing key for one service, written as a 0600 PKCS#8
 * PEM file, and its trust file entry printed (the public key only) for the operator to add.
 */
@Command(name = "keys", description = "Signing keys for signed facts.", subcommands = KeysCommand.Generate.class)
final class KeysCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "generate", description = "Write a service's new private key (0600) and print its trust file entry.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--service", required = true, paramLabel = "NAME",
                description = "orchestrator, lane-worker, verifier or digest: the event types the key may sign.")
        String service;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory of the key file.")
        Path out;

        @Option(names = "--key-id", paramLabel = "ID",
                description = "Key id (default: the service name); the file is DIR/ID.key.")
        String keyId;

        @Override
        public Integer call() throws IOException {
            return generate(System.out, System.err);
        }

        int generate(PrintStream stdout, PrintStream stderr) throws IOException {
            SignerRole role = SignerRole.ofService(service).orElseThrow(() -> new UsageException("--service "
                    + service + " is not one of " + String.join(", ", SignerRole.services())));
            String id = keyId == null ? service : keyId;
            if (!TrustFile.KEY_ID.matcher(id).matches()) {
                throw new UsageException("--key-id " + id + " is not a key id (1-100 of A-Z a-z 0-9 . _ : -)");
            }
            Files.createDirectories(out);
            Path file = out.resolve(id + ".key");
            KeyPair pair = Ed25519Keys.generate();
            SigningKeyFile.write(file, pair.getPrivate());
            stderr.println("wrote " + file + " (0600): run the " + role.service() + " with SWARM_SIGNING_KEY_FILE="
                    + file + " SWARM_SIGNING_KEY_ID=" + id + "; add this entry under keys: in every trust file");
            stdout.print(TrustFileText.entry(id, pair.getPublic(), List.of(role.service())));
            return 0;
        }
    }
}
