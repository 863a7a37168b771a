package dev.swarmboard.cli;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.config.KafkaPreflight;
import dev.swarmboard.digest.service.DigestConfig;
import dev.swarmboard.lane.service.LaneWorkerConfig;
import dev.swarmboard.orchestrator.service.OrchestratorConfig;
import dev.swarmboard.orchestrator.tokens.TokenDefaults;
import dev.swarmboard.verifier.service.VerifierConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code swarm config}: every environment variable of every service, with its default and meaning,
 * as the Markdown table the README carries (a test keeps the two in step).
 */
@Command(name = "config", description = "Print every configuration variable with its default, as a Markdown table.")
final class ConfigCommand implements Runnable {

    /** Each parameter once, with the services that read it, in a stable order. */
    static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        add(rows, "all", CommonConfig.PARAMETERS);
        add(rows, "orchestrator", OrchestratorConfig.PARAMETERS);
        add(rows, "lane-worker", LaneWorkerConfig.PARAMETERS);
        add(rows, "verifier", VerifierConfig.PARAMETERS);
        add(rows, "digest", DigestConfig.PARAMETERS);
        add(rows, "topics", TopicsCommand.PARAMETERS);
        add(rows, "submit", TokenDefaults.PARAMETERS);
        for (String command : List.of("cli", "run")) {
            add(rows, command, List.of(KafkaPreflight.TIMEOUT_SECONDS));
        }
        for (String command : List.of("broker", "up", "demo")) {
            add(rows, command, StartupTimeoutOption.PARAMETERS);
        }
        return rows;
    }

    private static void add(Map<String, Row> rows, String service, List<ConfigParameter<?>> parameters) {
        for (ConfigParameter<?> parameter : parameters) {
            rows.computeIfAbsent(parameter.env(), env -> new Row(parameter, new ArrayList<>())).services().add(service);
        }
    }

    static String table() {
        StringBuilder table = new StringBuilder("| variable | services | default | meaning |\n|---|---|---|---|\n");
        rows().values().forEach(row -> table.append("| `").append(row.parameter().env()).append("` | ")
                .append(String.join(", ", row.services())).append(" | ")
                .append(row.parameter().defaultValue() == null ? "—" : "`" + row.parameter().defaultValue() + "`")
                .append(" | ").append(row.parameter().doc().replace("<", "&lt;").replace(">", "&gt;")).append(" |\n"));
        table.append("| `KAFKA_*` | all | — | Any Kafka client setting: `KAFKA_SASL_JAAS_CONFIG` → `sasl.jaas.config` |\n");
        return table.toString();
    }

    @Override
    public void run() {
        System.out.print(table());
    }

    record Row(ConfigParameter<?> parameter, List<String> services) {
    }
}
