package dev.swarmboard.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The catalogue against the cluster. {@link #provision} (only {@code swarm topics} and the embedded
 * {@code demo}/{@code up} call it) creates the missing topics and checks the existing ones;
 * {@link #verify} (every service and client at start) creates nothing and fails naming every
 * missing topic. An existing topic whose partition count or configs contradict the catalogue fails
 * either call with every contradiction named, so no service starts on a topic it would misuse.
 */
public final class TopicProvisioner {

    /** What provisioning did: topics created and topics found already in place. */
    public record Report(List<String> created, List<String> existing) {
    }

    private static final Duration METADATA_WAIT = Duration.ofSeconds(15);
    private static final Duration METADATA_RETRY = Duration.ofMillis(200);

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Checks that every catalogue topic exists with its settings; creates nothing. */
    public void verify(TopicCatalogue catalogue) {
        try {
            Set<String> present = admin.listTopics().names().get();
            List<String> missing = catalogue.topics().stream().map(TopicSpec::name)
                    .filter(name -> !present.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new MissingTopicsException(missing);
            }
            // Partition counts are the cluster's to say (services read them); provisioning checks them.
            List<String> conflicts = conflicts(catalogue.topics(), false);
            if (!conflicts.isEmpty()) {
                throw new TopicConflictException(conflicts);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot check topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public Report provision(TopicCatalogue catalogue) {
        try {
            Set<String> present = admin.listTopics().names().get();
            List<String> created = createMissing(catalogue.topics(), present);
            List<TopicSpec> existing = catalogue.topics().stream()
                    .filter(spec -> !created.contains(spec.name())).toList();
            // Checking the created topics too waits until the brokers' metadata has them, so a
            // service started right after sees them.
            List<String> conflicts = conflicts(catalogue.topics(), true);
            if (!conflicts.isEmpty()) {
                throw new TopicConflictException(conflicts);
            }
            return new Report(created, existing.stream().map(TopicSpec::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot provision topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private List<String> createMissing(List<TopicSpec> specs, Set<String> present)
            throws InterruptedException, ExecutionException {
        List<NewTopic> missing = specs.stream()
                .filter(spec -> !present.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()),
                        Optional.ofNullable(spec.replicationFactor())).configs(spec.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get();
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                // Another service provisioned it between our list and create: check it like any other.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * The contradictions, asked again while a just-created topic is not yet in every broker's
     * metadata (the controller answers create before the brokers know the topic).
     */
    private List<String> conflicts(List<TopicSpec> specs, boolean checkPartitions)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                return describeConflicts(specs, checkPartitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(METADATA_RETRY.toMillis());
            }
        }
    }

    private List<String> describeConflicts(List<TopicSpec> specs, boolean checkPartitions)
            throws InterruptedException, ExecutionException {
        if (specs.isEmpty()) {
            return List.of();
        }
        Collection<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .collect(Collectors.toList())).all().get();
        List<String> conflicts = new ArrayList<>();
        for (TopicSpec spec : specs) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            boolean wrongCount = spec.fixedPartitions() ? partitions != spec.partitions() : partitions < spec.partitions();
            if (checkPartitions && wrongCount) {
                conflicts.add(spec.name() + " has " + partitions + " partitions, catalogue says "
                        + (spec.fixedPartitions() ? "exactly " : "at least ") + spec.partitions());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, expected) -> {
                String value = actual.get(key) == null ? null : actual.get(key).value();
                if (!expected.equals(value)) {
                    conflicts.add(spec.name() + " has " + key + "=" + value + ", catalogue says " + expected);
                }
            });
        }
        return conflicts;
    }
}
