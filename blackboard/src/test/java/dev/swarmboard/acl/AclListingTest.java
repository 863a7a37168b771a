package dev.swarmboard.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.topic.TopicCatalogue;
import org.junit.jupiter.api.Test;

class AclListingTest {

    @Test
    void shouldPrintEachPrincipalWithOneLinePerResource() {
        // When the default catalogue's ACLs are listed
        String listing = AclListing.render(ServiceAcls.derive(TopicCatalogue.defaults()), Principals.defaults());

        // Then each service heads its block and its rules read as resource: operations
        assertThat(listing)
                .contains("User:swarm-lane-worker  # lane-worker: ")
                .contains("  topic swarm.lane-tasks (literal): Read, Describe, DescribeConfigs\n")
                .contains("  transactionalId swarm.lane-attempt. (prefix): Write, Describe\n")
                .contains("User:swarm-cli  # cli: ")
                .contains("  topic swarm.missions (literal): Write, Describe, DescribeConfigs\n")
                .contains("User:swarm-admin  # admin: ")
                .contains("  cluster: Alter, Describe\n");
        assertThat(listing).doesNotContain("IdempotentWrite");
    }
}
