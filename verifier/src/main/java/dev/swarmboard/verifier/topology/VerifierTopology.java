package dev.swarmboard.verifier.topology;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.service.VerifierConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The verifier topology: the blackboard, read as stored bytes so the head hash covers exactly what
 * the log holds, through one processor keeping each mission's fold in a persistent store, and its
 * verdicts written back to the blackboard keyed by mission. {@code main}, the service and the
 * {@code TopologyTestDriver} tests all build it here.
 */
public final class VerifierTopology {

    public static final String SOURCE = "blackboard-source";
    public static final String PROCESSOR = "mission-verification";
    public static final String SINK = "verdicts-to-blackboard";
    /** Each mission's fold as small entries ({@code MissionStates}); renamed from the whole-fold store. */
    public static final String MISSIONS_STORE = "verifier-mission-entries";
    public static final String DEADLINES_STORE = "verifier-deadlines";

    private VerifierTopology() {
    }

    /** Adds the verifier to the builder; {@code codecs} decode events (its registry may know newer schemas). */
    public static Topology build(StreamsBuilder builder, VerifierConfig config, Codecs codecs) {
        return build(builder, config, codecs, Tracing.off());
    }

    /** As above; each verdict is a span of {@code tracing}, the child of the event that completed its round. */
    public static Topology build(StreamsBuilder builder, VerifierConfig config, Codecs codecs, Tracing tracing) {
        TopicCatalogue topics = config.common().catalogue();
        // Caching collapses the per-event summary rewrites of a commit interval into one changelog record.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MISSIONS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINES_STORE),
                Serdes.String(), Serdes.String()));
        builder.stream(topics.blackboard(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new VerificationProcessor(codecs, topics.blackboard(),
                        config.deadlineInterval(), config.common().signing(), tracing), Named.as(PROCESSOR), MISSIONS_STORE,
                        DEADLINES_STORE)
                .to(topics.blackboard(), Produced.with(Serdes.String(), codecs.events()).withName(SINK));
        return builder.build();
    }
}
