package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmboard.lane.backlog.BacklogEndpoint;
import dev.swarmboard.lane.bench.ScriptedRegistry;
import dev.swarmboard.service.HealthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareGroupBacklogIT {

    private static final int TASKS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldReportWaitingTasksAsBacklogAndDrainToZeroOnceAWorkerRunsThem() throws Exception {
        // Given tasks on a two-partition lane-tasks topic and no lane worker yet
        try (LaneTestBed bed = new LaneTestBed("backlog", 2);
             BacklogEndpoint endpoint = new BacklogEndpoint(bed.client, bed.group, bed.catalogue.laneTasks())) {
            endpoint.start();
            HealthServer server = endpoint.serveOn(new HealthServer(0, List.of(endpoint), () -> true, endpoint::metrics)).start();
            try (server) {
                IntStream.range(0, TASKS).forEach(i -> bed.submit(task("m-backlog", lane("lane-" + i).build()).build()));

                // Then /backlog counts every waiting task, per partition, and /metrics shows the gauge
                JsonNode waiting = backlog(server);
                assertThat(waiting.get("backlog").asLong()).isEqualTo(TASKS);
                assertThat(waiting.get("group").asText()).isEqualTo(bed.group);
                assertThat(waiting.get("topic").asText()).isEqualTo(bed.catalogue.laneTasks());
                assertThat(waiting.get("partitions").size()).isEqualTo(2);
                assertThat(get(server, "/metrics").body())
                        .contains("swarm_lane_backlog{group=\"" + bed.group + "\",topic=\"" + bed.catalogue.laneTasks()
                                + "\"} " + TASKS);

                // When a worker joins and runs them
                Path registry = ScriptedRegistry.write(dir.resolve("registry"), 50);
                LaneWorkerService worker = bed.service("w1", registry, 2, dir.resolve("ws"));
                try {
                    worker.start();
                    // Then the backlog drains to zero once every lane is acknowledged
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .untilAsserted(() -> {
                                JsonNode now = backlog(server);
                                assertThat(now.get("backlog").asLong()).as(now.toString()).isZero();
                            });
                    assertThat(bed.types("m-backlog").stream().filter("LaneYielded"::equals).count())
                            .isEqualTo(TASKS);
                } finally {
                    worker.stop();
                }
            }
        }
    }

    @Test
    void shouldAnswer503WithTheReasonWhenTheTopicDoesNotExist() throws Exception {
        // Given an endpoint for a topic nobody created
        try (LaneTestBed bed = new LaneTestBed("backlog-missing", 1);
             BacklogEndpoint endpoint = new BacklogEndpoint(bed.client, bed.group, bed.catalogue.prefix() + "absent")) {
            endpoint.start();
            try (HealthServer server = endpoint.serveOn(new HealthServer(0, List.of(endpoint), () -> true, endpoint::metrics))
                    .start()) {
                // When KEDA asks
                HttpResponse<String> reply = get(server, "/backlog");

                // Then it is told the measurement failed and why, not a backlog of zero
                assertThat(reply.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(reply.body()).get("error").asText())
                        .contains(bed.group).contains(bed.catalogue.prefix() + "absent");
            }
        }
    }

    private JsonNode backlog(HealthServer server) throws Exception {
        HttpResponse<String> reply = get(server, "/backlog");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(reply.body());
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
