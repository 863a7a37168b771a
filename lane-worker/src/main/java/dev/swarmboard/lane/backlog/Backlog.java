package dev.swarmboard.lane.backlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lane tasks the share group has not acknowledged yet, per partition of the lane-tasks topic: the
 * records from the share-partition start offset to the committed end offset that are not yet
 * acknowledged. Records in flight (acquired by a worker, not yet acknowledged) count, so a busy fleet
 * is not scaled down under its running lanes.
 *
 * @param group      the lane workers' share group
 * @param topic      the lane-tasks topic
 * @param partitions backlog per partition number
 */
public record Backlog(String group, String topic, Map<Integer, Long> partitions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Backlog {
        partitions = Map.copyOf(partitions);
    }

    /** Tasks waiting or running over every partition. */
    public long total() {
        return partitions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code {"backlog": N, "partitions": {"0": n, …}, "group": …, "topic": …}}, read by KEDA's metrics-api trigger. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("backlog", total());
        ObjectNode perPartition = root.putObject("partitions");
        new TreeMap<>(partitions).forEach((partition, count) -> perPartition.put(Integer.toString(partition), count));
        root.put("group", group);
        root.put("topic", topic);
        return root.toString() + "\n";
    }

    /** The backlog as Prometheus gauges: the total and one series per partition. */
    public String toPrometheus() {
        String labels = "group=\"" + group + "\",topic=\"" + topic + "\"";
        StringBuilder text = new StringBuilder()
                .append("# HELP swarm_lane_backlog Lane tasks not yet acknowledged by the share group\n")
                .append("# TYPE swarm_lane_backlog gauge\n")
                .append("swarm_lane_backlog{").append(labels).append("} ").append(total()).append('\n')
                .append("# HELP swarm_lane_backlog_partition Lane tasks not yet acknowledged, per partition\n")
                .append("# TYPE swarm_lane_backlog_partition gauge\n");
        new TreeMap<>(partitions).forEach((partition, count) -> text.append("swarm_lane_backlog_partition{")
                .append(labels).append(",partition=\"").append(partition).append("\"} ").append(count).append('\n'));
        return text.toString();
    }
}
