package dev.swarmboard.digest.service;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.ConfigParameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of the digest service: the common ones and the directory its {@code <mission>.md}
 * reports go to. Its consumer group is {@code <prefix>digest}.
 */
public record DigestConfig(CommonConfig common, Map<String, Object> clientProperties, Path outputDir) {

    public static final ConfigParameter<Path> OUTPUT_DIR = new ConfigParameter<>("SWARM_DIGEST_OUT", Path::of,
            Path.of("reports"), "Directory the digest writes <mission>.md reports into");

    /** The digest's own parameters (the common ones are in {@link CommonConfig#PARAMETERS}). */
    public static final List<ConfigParameter<?>> PARAMETERS = List.of(OUTPUT_DIR);

    public DigestConfig {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static DigestConfig fromEnvironment(Map<String, String> env) {
        CommonConfig common = CommonConfig.fromEnvironment(env);
        return new DigestConfig(common, common.clientProperties(env), OUTPUT_DIR.resolve(env));
    }

    /** The same settings writing into another directory ({@code swarm run digest --out DIR}). */
    public DigestConfig withOutputDir(Path dir) {
        return dir == null ? this : new DigestConfig(common, clientProperties, dir);
    }

    public String groupId() {
        return common.catalogue().clients().digestGroup();
    }
}
