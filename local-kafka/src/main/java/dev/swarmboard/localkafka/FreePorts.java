package dev.swarmboard.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the operating system for distinct free TCP ports on one host. All sockets are held open until every
 * port is known, so the ports differ; another process may still take one in the milliseconds before Kafka
 * binds it.
 */
final class FreePorts {

    private FreePorts() {
    }

    static List<Integer> pick(String host, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress address = InetAddress.getByName(host);
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, address));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find " + count + " free ports on " + host, e);
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not release probe port " + socket.getLocalPort(), e);
            }
        }
    }
}
