package dev.swarmboard.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Checks, within a deadline, that the bootstrap servers resolve, accept a TCP connection and answer
 * {@code describeCluster}, so a command fails in bounded time with one line naming the address and
 * the cause instead of a client's generic timeout. Also bounds the clients' own calls by the same
 * deadline ({@code default.api.timeout.ms}, {@code request.timeout.ms}, {@code max.block.ms}).
 */
public final class KafkaPreflight {

    public static final ConfigParameter<Integer> TIMEOUT_SECONDS = ConfigParameter.integer(
            "SWARM_KAFKA_TIMEOUT", 15, "Seconds a CLI command waits for Kafka before failing with the address and cause");

    private KafkaPreflight() {
    }

    /** The client properties with every blocking call bounded by {@code timeout}, unless set already. */
    public static Map<String, Object> bounded(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        int millis = (int) timeout.toMillis();
        properties.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.putIfAbsent("max.block.ms", millis);
        // A producer's delivery timeout may not be shorter than its linger plus request timeout.
        properties.putIfAbsent("delivery.timeout.ms", millis + 1000);
        return properties;
    }

    /**
     * Returns when the cluster answers; throws {@link KafkaUnreachableException} with a one-line
     * reason when a bootstrap host is unknown, or nothing answers within {@code timeout}.
     */
    public static void check(Map<String, Object> clientProperties, Duration timeout) {
        String bootstrap = String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<InetSocketAddress> addresses = resolve(bootstrap);
        String refused = connectAny(addresses, deadline);
        if (refused != null) {
            throw new KafkaUnreachableException("cannot reach Kafka at " + bootstrap + " within "
                    + timeout.toSeconds() + " s: " + refused);
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try (Admin admin = Admin.create(bounded(clientProperties, Duration.ofMillis(left)))) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) left)).clusterId()
                    .get(left + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unreachable(bootstrap, timeout, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(bootstrap, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException("interrupted while reaching Kafka at " + bootstrap);
        }
    }

    private static KafkaUnreachableException unreachable(String bootstrap, Duration timeout, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new KafkaUnreachableException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
                + " s: " + reason.replace('\n', ' '));
    }

    private static List<InetSocketAddress> resolve(String bootstrap) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : bootstrap.split(",")) {
            String server = entry.trim();
            int colon = server.lastIndexOf(':');
            if (server.isEmpty() || colon <= 0 || colon == server.length() - 1) {
                throw new KafkaUnreachableException("bootstrap server '" + server + "' in --bootstrap is not HOST:PORT");
            }
            String host = server.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(server.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new KafkaUnreachableException("bootstrap server '" + server + "' in --bootstrap has no numeric port");
            }
            try {
                addresses.add(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (UnknownHostException e) {
                throw new KafkaUnreachableException("unknown host " + host + " in --bootstrap");
            }
        }
        return addresses;
    }

    /** Null once one address accepts a connection; otherwise the last failure, in words. */
    private static String connectAny(List<InetSocketAddress> addresses, long deadline) {
        String failure = "no answer";
        for (InetSocketAddress address : addresses) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return "no answer";
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) Math.min(left, Integer.MAX_VALUE));
                return null;
            } catch (java.net.SocketTimeoutException e) {
                failure = "no answer";
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return failure;
    }
}
