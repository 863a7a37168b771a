package dev.swarmboard.blackboard;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every service and client does before its first read or write: verify the catalogue's topics
 * (creating none: a missing or contradicting topic fails naming it), publish this build's writer
 * schemas, and return codecs that also know every schema already on the schemas topic.
 * {@link #provision} is what {@code swarm topics} and the embedded {@code demo}/{@code up} do first.
 */
public final class BlackboardSetup {

    private BlackboardSetup() {
    }

    /** Creates the catalogue's missing topics and checks the existing ones. */
    public static TopicProvisioner.Report provision(Map<String, Object> clientProperties, TopicCatalogue catalogue) {
        try (Admin admin = Admin.create(clientProperties)) {
            return new TopicProvisioner(admin).provision(catalogue);
        }
    }

    /** Verifies the topics (creating none), publishes the writer schemas and returns codecs. */
    public static Codecs prepare(Map<String, Object> clientProperties, TopicCatalogue catalogue) {
        try (Admin admin = Admin.create(clientProperties)) {
            new TopicProvisioner(admin).verify(catalogue);
        }
        SchemaTopic schemas = new SchemaTopic(clientProperties, catalogue.schemas());
        schemas.publishCurrent();
        Codecs codecs = Codecs.create();
        schemas.loadInto(codecs.registry());
        return codecs;
    }
}
