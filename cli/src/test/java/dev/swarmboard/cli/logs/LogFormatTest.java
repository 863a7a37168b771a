package dev.swarmboard.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.telemetry.MissionLogs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The jar's logback.xml: SWARM_LOG_FORMAT=json gives one parseable object a line with the mission in it. */
class LogFormatTest {

    @Test
    void shouldWriteOneJsonObjectPerLineWithTheMissionWhenTheFormatIsJson() throws Exception {
        List<String> lines = log("json");

        assertThat(lines).hasSize(2);
        JsonNode about = new ObjectMapper().readTree(lines.get(0));
        assertThat(about.path("level").asText()).isEqualTo("INFO");
        assertThat(about.path("loggerName").asText()).isEqualTo("dev.swarmboard.test");
        assertThat(about.path("formattedMessage").asText()).isEqualTo("lane l1 started");
        assertThat(about.path("mdc").path(MissionLogs.KEY).asText()).isEqualTo("m-42");
        JsonNode unrelated = new ObjectMapper().readTree(lines.get(1));
        assertThat(unrelated.path("mdc").has(MissionLogs.KEY)).isFalse();
    }

    @Test
    void shouldNameTheMissionInTextLinesAboutOneOnly() throws Exception {
        List<String> lines = log("text");

        assertThat(lines.get(0)).contains("[mission=m-42] - lane l1 started");
        assertThat(lines.get(1)).endsWith("dev.swarmboard.test - nothing about a mission").doesNotContain("mission=");
    }

    @Test
    void shouldRefuseAnUnknownFormatAtStartup() {
        Assertions.assertThatThrownBy(() -> CommonConfig.fromEnvironment(Map.of("SWARM_LOG_FORMAT", "xml")))
                .hasMessageContaining("SWARM_LOG_FORMAT=xml is not valid: expected text or json");
    }

    /** Two INFO lines through the jar's configuration: one about mission m-42, one not. */
    private static List<String> log(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("SWARM_LOG_FORMAT", format);
        context.putProperty("SWARM_LOG_LEVEL", "INFO");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Logger logger = context.getLogger("dev.swarmboard.test");
            try (MDC.MDCCloseable mission = MissionLogs.about("m-42")) {
                logger.info("lane {} started", "l1");
            }
            logger.info("nothing about a mission");
        } finally {
            context.stop();
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
