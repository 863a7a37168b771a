package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldReturnDistinctPortsThatCanAllBeBoundAtOnce() throws Exception {
        // When
        List<Integer> ports = FreePorts.pick("127.0.0.1", 6);

        // Then
        assertThat(ports).hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0);
        List<ServerSocket> bound = new ArrayList<>();
        try {
            for (int port : ports) {
                bound.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            assertThat(bound).extracting(ServerSocket::getLocalPort).containsExactlyElementsOf(ports);
        } finally {
            for (ServerSocket socket : bound) {
                socket.close();
            }
        }
    }
}
