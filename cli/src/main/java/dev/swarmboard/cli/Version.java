package dev.swarmboard.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, with the Kafka client version it was built against. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"swarm " + (version == null ? "dev" : version)
                + " (Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")"};
    }
}
