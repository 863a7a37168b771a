package dev.swarmboard.topic;

import dev.swarmboard.acl.ServiceRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which services read a topic and which write it: the one place ACLs for topics come from. A topic
 * nobody assigned is {@link #UNASSIGNED}, and deriving ACLs from a catalogue holding one fails, so a
 * new topic cannot ship without saying who may touch it.
 *
 * @param readers services that consume the topic
 * @param writers services that produce to it
 */
public record TopicAccess(Set<ServiceRole> readers, Set<ServiceRole> writers) {

    /** No reader, no writer: a topic whose access was never decided. */
    public static final TopicAccess UNASSIGNED = new TopicAccess(Set.of(), Set.of());

    public TopicAccess {
        readers = readers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(readers));
        writers = writers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(writers));
    }

    /** Read by {@code readers}, written by {@code writers}. */
    public static TopicAccess of(Set<ServiceRole> readers, Set<ServiceRole> writers) {
        return new TopicAccess(readers, writers);
    }

    /** True unless nobody was assigned. */
    public boolean assigned() {
        return !readers.isEmpty() || !writers.isEmpty();
    }
}
