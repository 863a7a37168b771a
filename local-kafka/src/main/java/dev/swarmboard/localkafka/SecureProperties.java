package dev.swarmboard.localkafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings that turn a node's PLAINTEXT client listener into SASL_SSL with SCRAM-SHA-512 and the
 * standard authorizer, and the matching client settings of each user. The brokers talk to each other on
 * that listener as the super user. The controller listener stays PLAINTEXT on loopback: KRaft controllers
 * cannot check SCRAM credentials (they live in the metadata the quorum serves), so its unauthenticated
 * principal {@code User:ANONYMOUS} is a super user too — which is why the cluster binds loopback only.
 */
final class SecureProperties {

    static final String LISTENER = "SASL_SSL";
    static final String MECHANISM = "SCRAM-SHA-512";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    private static final String CONTROLLER_PRINCIPAL = "User:ANONYMOUS";

    private SecureProperties() {
    }

    /** {@code props} (from {@link BrokerProperties#of}) with the client listener secured. */
    static Map<String, String> secure(Map<String, String> props, String host, NodeSpec node,
                                      SecureUsers users, SecurityMaterial material) {
        Map<String, String> secured = new LinkedHashMap<>(props);
        secured.put("listeners", LISTENER + "://" + host + ":" + node.brokerPort()
                + "," + BrokerProperties.CONTROLLER_LISTENER + "://" + host + ":" + node.controllerPort());
        secured.put("advertised.listeners", LISTENER + "://" + host + ":" + node.brokerPort());
        secured.put("listener.security.protocol.map",
                LISTENER + ":SASL_SSL," + BrokerProperties.CONTROLLER_LISTENER + ":PLAINTEXT");
        secured.put("inter.broker.listener.name", LISTENER);
        secured.put("sasl.enabled.mechanisms", MECHANISM);
        secured.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        secured.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                jaas(users.superUser(), material.password(users.superUser())));
        secured.put("ssl.keystore.type", "PKCS12");
        secured.put("ssl.keystore.location", material.keystore().toString());
        secured.put("ssl.keystore.password", material.storePassword());
        secured.put("ssl.key.password", material.storePassword());
        secured.put("ssl.truststore.type", "PKCS12");
        secured.put("ssl.truststore.location", material.truststore().toString());
        secured.put("ssl.truststore.password", material.storePassword());
        secured.put("authorizer.class.name", AUTHORIZER);
        secured.put("super.users", "User:" + users.superUser() + ";" + CONTROLLER_PRINCIPAL);
        secured.put("allow.everyone.if.no.acl.found", "false");
        return secured;
    }

    /** What a client logging in as {@code user} needs besides {@code bootstrap.servers}. */
    static Map<String, String> client(String user, SecurityMaterial material) {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", MECHANISM);
        client.put("sasl.jaas.config", jaas(user, material.password(user)));
        client.put("ssl.truststore.type", "PKCS12");
        client.put("ssl.truststore.location", material.truststore().toString());
        client.put("ssl.truststore.password", material.storePassword());
        return client;
    }

    /** Format-time SCRAM credentials ({@code kafka-storage format --add-scram}) for every user. */
    static List<String> scramArguments(SecureUsers users, SecurityMaterial material) {
        return users.all().stream()
                .map(user -> MECHANISM + "=[name=" + user + ",password=" + material.password(user) + "]")
                .collect(Collectors.toList());
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
