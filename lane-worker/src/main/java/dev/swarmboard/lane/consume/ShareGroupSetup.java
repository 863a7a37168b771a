package dev.swarmboard.lane.consume;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Sets two configs on the share group's GROUP resource: {@code share.auto.offset.reset=earliest}, so
 * tasks written before the first worker joined are not skipped (the broker default is {@code latest}),
 * and {@code share.isolation.level=read_committed}, so a task from an aborted orchestrator
 * transaction is never run (the default {@code read_uncommitted} would deliver it). Idempotent:
 * every worker does it at start. It also reads the group's delivery limit, whose last delivery only
 * records the failure (see {@code LastDelivery}).
 */
public final class ShareGroupSetup {

    static final String AUTO_OFFSET_RESET = "share.auto.offset.reset";
    static final String ISOLATION_LEVEL = "share.isolation.level";
    static final String DELIVERY_COUNT_LIMIT = "share.delivery.count.limit";

    private ShareGroupSetup() {
    }

    /**
     * How many members of the share group have a task partition assigned: only they can be handed a
     * task. 0 while the group does not exist yet.
     */
    public static int assignedMembers(Admin admin, String groupId) throws InterruptedException {
        try {
            return (int) admin.describeShareGroups(List.of(groupId)).all().get().get(groupId).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new IllegalStateException("cannot describe share group " + groupId, e.getCause());
        }
    }

    /**
     * The group's effective {@code share.delivery.count.limit} (its own setting, else the broker's
     * {@code group.share.delivery.count.limit}): the delivery the broker will not repeat.
     */
    public static int deliveryLimit(Admin admin, String groupId) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        try {
            ConfigEntry entry = admin.describeConfigs(List.of(group)).all().get().get(group).get(DELIVERY_COUNT_LIMIT);
            if (entry == null || entry.value() == null) {
                throw new IllegalStateException("share group " + groupId + " reports no " + DELIVERY_COUNT_LIMIT);
            }
            return Integer.parseInt(entry.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing share group " + groupId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the configs of share group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    public static void configure(Admin admin, String groupId) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        AlterConfigOp earliest = new AlterConfigOp(new ConfigEntry(AUTO_OFFSET_RESET, "earliest"),
                AlterConfigOp.OpType.SET);
        AlterConfigOp committedOnly = new AlterConfigOp(new ConfigEntry(ISOLATION_LEVEL, "read_committed"),
                AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(group, List.of(earliest, committedOnly))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring share group " + groupId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot configure share group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
