package dev.swarmboard.cli;

import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.topic.TopicSpec;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code swarm topics}: provisions the topic catalogue and lists it. */
@Command(name = "topics", description = "Create missing Swarmboard topics, check existing ones, and list them.")
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        CommonConfig common = kafka.common();
        TopicCatalogue catalogue = common.catalogue();
        Map<String, Object> client = kafka.clientProperties();
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner.Report report = new TopicProvisioner(admin).provision(catalogue);
            new SchemaTopic(client, catalogue.schemas()).publishCurrent();
            for (TopicSpec spec : catalogue.topics()) {
                System.out.printf("%-8s %-28s partitions=%-3d %s%n",
                        report.created().contains(spec.name()) ? "created" : "ok", spec.name(), spec.partitions(),
                        spec.configs());
            }
        }
        return 0;
    }
}
