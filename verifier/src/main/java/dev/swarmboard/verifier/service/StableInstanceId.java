package dev.swarmboard.verifier.service;

import dev.swarmboard.codec.ContentHash;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The default static member id of a verifier instance: the host name and a short hash of the
 * absolute state directory. It survives a restart on the same host and state directory (a pod of a
 * StatefulSet, a service unit) and differs between instances on one host, which cannot share a
 * state directory.
 */
final class StableInstanceId {

    private StableInstanceId() {
    }

    static String of(Path stateDir) {
        String dir = stateDir.toAbsolutePath().normalize().toString();
        return host() + "-" + ContentHash.sha256Hex(dir.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
