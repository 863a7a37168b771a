package dev.swarmboard.codec;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.RunLane;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The codecs of the three record types that travel on Swarmboard's topics, sharing one
 * {@link SchemaRegistry} seeded with the bundled schema history.
 */
public final class Codecs {

    private final SchemaRegistry registry;
    private final AvroSerde<BlackboardEvent> events;
    private final AvroSerde<MissionCommand> commands;
    private final AvroSerde<RunLane> laneTasks;

    private Codecs(SchemaRegistry registry) {
        this.registry = registry;
        this.events = new AvroSerde<>(new AvroCodec<>(BlackboardEvent.getClassSchema(), registry));
        this.commands = new AvroSerde<>(new AvroCodec<>(MissionCommand.getClassSchema(), registry));
        this.laneTasks = new AvroSerde<>(new AvroCodec<>(RunLane.getClassSchema(), registry));
    }

    /** Codecs over a fresh registry holding the history and the current writer schemas. */
    public static Codecs create() {
        return new Codecs(SchemaRegistry.withHistory(currentSchemas()));
    }

    /** The writer schemas this build produces; each service publishes them to the schemas topic. */
    public static List<Schema> currentSchemas() {
        return List.of(BlackboardEvent.getClassSchema(), MissionCommand.getClassSchema(), RunLane.getClassSchema());
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public AvroSerde<BlackboardEvent> events() {
        return events;
    }

    public AvroSerde<MissionCommand> commands() {
        return commands;
    }

    public AvroSerde<RunLane> laneTasks() {
        return laneTasks;
    }
}
