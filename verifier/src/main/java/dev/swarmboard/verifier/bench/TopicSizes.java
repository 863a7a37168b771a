package dev.swarmboard.verifier.bench;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** Bytes on the brokers' disks of the topics a predicate selects, summed over their replicas' logs. */
final class TopicSizes {

    private TopicSizes() {
    }

    static long bytes(Map<String, Object> clientProperties, Predicate<String> topics) {
        try (Admin admin = Admin.create(clientProperties)) {
            var brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            long total = 0;
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        if (topics.test(replica.getKey().topic())) {
                            total += replica.getValue().size();
                        }
                    }
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sizing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot size topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
