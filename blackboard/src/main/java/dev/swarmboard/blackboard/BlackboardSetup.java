package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every service does before its first read or write: provision the catalogue's topics
 * (idempotent, fails on a contradicting topic), publish this build's writer schemas, and return
 * codecs that also know every schema already on the schemas topic.
 */
public final class BlackboardSetup {

    private BlackboardSetup() {
    }

    public static Codecs prepare(Map<String, Object> clientProperties, TopicCatalogue catalogue) {
        try (Admin admin = Admin.create(clientProperties)) {
            new TopicProvisioner(admin).provision(catalogue);
        }
        SchemaTopic schemas = new SchemaTopic(clientProperties, catalogue.schemas());
        schemas.publishCurrent();
        Codecs codecs = Codecs.create();
        schemas.loadInto(codecs.registry());
        return codecs;
    }
}
