package dev.swarmboard.localkafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Sets every user's SCRAM credential through the Admin API after a start. A new cluster already has them
 * from format time; a restarted one may have been formatted before a user was added.
 */
final class ScramUpserts {

    /** Kafka's default iteration count for SCRAM-SHA-512 credentials. */
    private static final int ITERATIONS = 4096;

    private ScramUpserts() {
    }

    static void apply(Map<String, Object> superUserClient, SecureUsers users, SecurityMaterial material,
                      long deadlineNanos) {
        List<UserScramCredentialAlteration> upserts = users.users().stream()
                .map(user -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), material.password(user)))
                .toList();
        if (upserts.isEmpty()) {
            return;
        }
        long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        try (Admin admin = Admin.create(superUserClient)) {
            admin.alterUserScramCredentials(upserts).all().get(remaining, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LocalKafkaException("Could not set the SCRAM credentials of " + users.users() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LocalKafkaException("SCRAM credentials of " + users.users()
                    + " were not set before the startup deadline", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("Interrupted while setting SCRAM credentials", e);
        }
    }
}
