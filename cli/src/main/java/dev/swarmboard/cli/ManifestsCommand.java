package dev.swarmboard.cli;

import dev.swarmboard.acl.StrimziUsers;
import dev.swarmboard.topic.StrimziTopics;
import dev.swarmboard.topic.TopicCatalogue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code swarm manifests kafka-topics}: the topic catalogue as Strimzi KafkaTopic resources;
 * {@code swarm manifests kafka-users}: one Strimzi KafkaUser per service with its least-privilege ACLs.
 */
@Command(name = "manifests", description = "Print deployment manifests derived from the code.",
        subcommands = {ManifestsCommand.KafkaTopics.class, ManifestsCommand.KafkaUsers.class})
final class ManifestsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "kafka-topics", description = "The topic catalogue as Strimzi KafkaTopic resources.")
    static final class KafkaTopics implements Callable<Integer> {

        @Mixin
        Target target;

        @Override
        public Integer call() {
            System.out.print(StrimziTopics.render(target.catalogue(), target.cluster, target.namespace));
            return 0;
        }
    }

    @Command(name = "kafka-users", description = "One Strimzi KafkaUser per service with the ACLs swarm acls prints.")
    static final class KafkaUsers implements Callable<Integer> {

        @Mixin
        Target target;

        @Mixin
        PrincipalOptions principals;

        @Override
        public Integer call() {
            System.out.print(StrimziUsers.render(target.catalogue(), principals.resolve(), target.cluster,
                    target.namespace));
            return 0;
        }
    }

    /** The Strimzi cluster a manifest is for, and the topic prefix its resources carry. */
    static final class Target {

        @Option(names = "--cluster", defaultValue = "swarm-kafka", paramLabel = "NAME",
                description = "Strimzi Kafka cluster the resources belong to (default ${DEFAULT-VALUE}).")
        String cluster;

        @Option(names = "--namespace", defaultValue = "swarmboard", paramLabel = "NAME",
                description = "Namespace of that cluster, watched by its Topic and User Operators (default ${DEFAULT-VALUE}).")
        String namespace;

        @Option(names = "--topic-prefix", defaultValue = TopicCatalogue.DEFAULT_PREFIX, paramLabel = "PREFIX",
                description = "Prefix of every topic name (default '${DEFAULT-VALUE}').")
        String prefix;

        TopicCatalogue catalogue() {
            return TopicCatalogue.withPrefix(prefix);
        }
    }
}
