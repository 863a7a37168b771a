package dev.swarmboard.lane.consume;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Sets the share group's {@code share.auto.offset.reset} to {@code earliest} on the group resource, so
 * tasks written before the first worker joined are not skipped (the broker default is {@code latest}).
 * Idempotent: every worker does it at start.
 */
public final class ShareGroupSetup {

    static final String AUTO_OFFSET_RESET = "share.auto.offset.reset";

    private ShareGroupSetup() {
    }

    public static void readFromEarliest(Admin admin, String groupId) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        AlterConfigOp earliest = new AlterConfigOp(new ConfigEntry(AUTO_OFFSET_RESET, "earliest"),
                AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(group, List.of(earliest))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring share group " + groupId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set " + AUTO_OFFSET_RESET + " of share group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
