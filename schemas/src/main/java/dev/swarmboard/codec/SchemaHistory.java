package dev.swarmboard.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of Swarmboard's top-level schemas, bundled as resources under
 * {@code schema-history/vN/}. Readers resolve old fingerprints from it; a build-time test checks
 * that the current schemas stay fully and transitively compatible with it.
 */
public final class SchemaHistory {

    /** Top-level schemas that travel on topics; each is self-contained in its history file. */
    public static final List<String> TOP_LEVEL = List.of("BlackboardEvent", "MissionCommand", "RunLane");

    /** Released versions, oldest first. Add one when a schema change is released. */
    public static final List<String> RELEASES = List.of("v1", "v2", "v3", "v4");

    private SchemaHistory() {
    }

    /** The released versions of one top-level schema, oldest first. */
    public static List<Schema> versionsOf(String name) {
        List<Schema> versions = new ArrayList<>();
        for (String release : RELEASES) {
            versions.add(load(release, name));
        }
        return versions;
    }

    /** Every released version of every top-level schema. */
    public static List<Schema> all() {
        List<Schema> all = new ArrayList<>();
        for (String name : TOP_LEVEL) {
            all.addAll(versionsOf(name));
        }
        return all;
    }

    static Schema load(String release, String name) {
        String resource = "/schema-history/" + release + "/" + name + ".avsc";
        try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema history resource missing: " + resource);
            }
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
