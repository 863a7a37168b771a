package dev.swarmboard.cli;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.topic.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm topics}: the one command that creates Swarmboard topics (besides the embedded
 * {@code demo} and {@code up}). It provisions the catalogue with the partitions and replication
 * factor asked for, publishes the writer schemas, and lists the topics. Services only verify.
 */
@Command(name = "topics", description = "Create missing Swarmboard topics, check existing ones, and list them.")
final class TopicsCommand implements Callable<Integer> {

    static final ConfigParameter<Integer> PARTITIONS = ConfigParameter.integer("SWARM_TOPIC_PARTITIONS",
            TopicCatalogue.DEFAULT_PARTITIONS, "Partitions of the missions and lane-tasks topics swarm topics creates");
    static final ConfigParameter<Integer> REPLICATION_FACTOR = ConfigParameter.integer(
            "SWARM_TOPIC_REPLICATION_FACTOR", -1, "Replication factor of the topics swarm topics creates (-1 = broker default)");
    static final List<ConfigParameter<?>> PARAMETERS = List.of(PARTITIONS, REPLICATION_FACTOR);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the missions and lane-tasks topics (default: $SWARM_TOPIC_PARTITIONS, then 3).")
    Integer partitions;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of every topic (default: $SWARM_TOPIC_REPLICATION_FACTOR, then the broker's).")
    Integer replicationFactor;

    @Override
    public Integer call() {
        TopicCatalogue catalogue = catalogue(kafka.environment(), kafka.common().catalogue());
        Map<String, Object> client = kafka.reachableClientProperties();
        TopicProvisioner.Report report = BlackboardSetup.provision(client, catalogue);
        new SchemaTopic(client, catalogue.schemas()).publishCurrent();
        for (TopicSpec spec : catalogue.topics()) {
            System.out.printf("%-8s %-28s partitions=%-3d %s%n",
                    report.created().contains(spec.name()) ? "created" : "ok", spec.name(), spec.partitions(),
                    spec.configs());
        }
        return 0;
    }

    /** The catalogue with the flags, else the environment, applied to its layout. */
    TopicCatalogue catalogue(Map<String, String> env, TopicCatalogue base) {
        int count = partitions != null ? partitions : PARTITIONS.resolve(env);
        int replication = replicationFactor != null ? replicationFactor : REPLICATION_FACTOR.resolve(env);
        if (replication > Short.MAX_VALUE) {
            throw new UsageException("--replication-factor " + replication + " is too large");
        }
        try {
            return base.withLayout(count, replication == -1 ? null : (short) replication);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
