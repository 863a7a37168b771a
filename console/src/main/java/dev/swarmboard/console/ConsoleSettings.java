package dev.swarmboard.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the console listens and who may use it. Loopback needs nothing; any other bind address
 * needs a token (every request must then carry it), else the console refuses to start.
 *
 * @param bind  address to bind, default 127.0.0.1
 * @param port  port, 0 for any free one
 * @param token shared secret the requests must carry (Authorization: Bearer, or ?token= for the page and its event streams)
 */
public record ConsoleSettings(String bind, int port, Optional<String> token) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8088;

    public ConsoleSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console port must be 0..65535, got " + port);
        }
        token = token.filter(value -> !value.isBlank());
        if (token.isEmpty() && !loopback(bind)) {
            throw new IllegalArgumentException("the console binds to " + bind + ", which is not a loopback address: "
                    + "give --token so only those who know it can see missions and approve them");
        }
    }

    public static ConsoleSettings loopback(int port) {
        return new ConsoleSettings(DEFAULT_BIND, port, Optional.empty());
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the console cannot bind to " + bind + ": unknown host", e);
        }
    }
}
