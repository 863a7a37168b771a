package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class SecurePropertiesTest {

    private static final String HOST = "127.0.0.1";
    private static final SecureUsers USERS = new SecureUsers("boss", List.of("worker", "reader"));
    private static final SecurityMaterial MATERIAL = new SecurityMaterial(Path.of("/tmp/k/broker.p12"),
            Path.of("/tmp/k/truststore.p12"), "store-secret",
            Map.of("boss", "boss-secret", "worker", "worker-secret", "reader", "reader-secret"));

    @Test
    void shouldSecureTheClientListenerAndEnforceAclsWithTheSuperUserAsTheBroker() {
        // Given a node's PLAINTEXT properties
        List<NodeSpec> cluster = cluster();
        Map<String, String> plain = BrokerProperties.of(HOST, cluster.get(0), cluster, Duration.ofSeconds(60));

        // When they are secured
        Map<String, String> props = SecureProperties.secure(plain, HOST, cluster.get(0), USERS, MATERIAL);

        // Then clients and brokers use SASL_SSL with SCRAM-SHA-512 and the standard authorizer decides
        assertThat(props).contains(
                Map.entry("listeners", "SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:19001"),
                Map.entry("advertised.listeners", "SASL_SSL://127.0.0.1:9092"),
                Map.entry("inter.broker.listener.name", "SASL_SSL"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:boss;User:ANONYMOUS"),
                Map.entry("allow.everyone.if.no.acl.found", "false"));
        assertThat(props.get("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"))
                .contains("username=\"boss\"").contains("password=\"boss-secret\"");
        assertThatCode(() -> new KafkaConfig(props)).doesNotThrowAnyException();
    }

    @Test
    void shouldGiveEachUserItsOwnCredentialAndTheTruststore() {
        // When a user's client settings are asked for
        Map<String, String> client = SecureProperties.client("worker", MATERIAL);

        // Then they log in as that user over TLS trusting the cluster's certificate
        assertThat(client).contains(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("ssl.truststore.location", "/tmp/k/truststore.p12"),
                Map.entry("ssl.truststore.password", "store-secret"));
        assertThat(client.get("sasl.jaas.config")).contains("username=\"worker\" password=\"worker-secret\"");
        assertThatIllegalArgumentException().isThrownBy(() -> SecureProperties.client("stranger", MATERIAL))
                .withMessageContaining("stranger").withMessageNotContaining("secret");
    }

    @Test
    void shouldBootstrapEveryUsersScramCredentialAtFormatTime() {
        // Then the formatter gets one SCRAM-SHA-512 argument per user, super user first
        assertThat(SecureProperties.scramArguments(USERS, MATERIAL)).containsExactly(
                "SCRAM-SHA-512=[name=boss,password=boss-secret]",
                "SCRAM-SHA-512=[name=worker,password=worker-secret]",
                "SCRAM-SHA-512=[name=reader,password=reader-secret]");
    }

    @Test
    void shouldRefuseUserNamesThatNeedQuotingOrRepeat() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecureUsers("boss", List.of("a\" b")))
                .withMessageContaining("a\" b");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecureUsers("boss", List.of("boss")))
                .withMessageContaining("twice");
    }

    private static List<NodeSpec> cluster() {
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(9092);
        return NodeSpec.layout(config, Path.of("/tmp/kafka"), List.of(19001, 19002));
    }
}
