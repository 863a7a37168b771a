package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.console.ConsoleServer;
import dev.swarmboard.console.ConsoleSettings;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web console end to end in real headless Chromium (Debian's chromium and chromium-driver)
 * against every real service on a real broker: a demo mission appears on an open page and its lanes
 * advance live over server-sent events, then a mission that needs confirmation is approved by a
 * click and passes.
 */
class ConsoleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static final String PREFIX = KafkaFixture.uniqueName("console") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Object> client;
    private static Codecs codecs;
    private static SwarmStack stack;
    private static ConsoleServer console;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        codecs = BlackboardSetup.prepare(client, CATALOGUE);
        stack = TestStacks.start(KafkaFixture.bootstrapServers(), dir, capabilities(), workflows(), PREFIX, 2);
        console = ConsoleServer.start(ConsoleSettings.loopback(0), client, CATALOGUE, codecs, Duration.ofSeconds(60));
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.setBinary("/usr/bin/chromium");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowADemoMissionAdvanceLiveThenApproveAPausedMissionByAClick() throws Exception {
        // Given the mission page is open before the mission exists
        String missionId = "console-demo-" + PREFIX.replace(".", "");
        browser.get(console.url() + "#/missions/" + missionId);

        // When the demo mission is submitted
        submit(missionId, false);

        // Then the open page follows it to its digest over server-sent events, without a reload
        await().atMost(PATIENCE).until(() -> text("#mission-status").equals("COMPLETED"));
        List<WebElement> lanes = browser.findElements(By.cssSelector("#timeline tr.lane"));
        assertThat(lanes).extracting(lane -> lane.getAttribute("data-lane")).contains("overview", "howto", "gaps");
        assertThat(lanes).allSatisfy(lane -> assertThat(lane.getAttribute("data-state")).isEqualTo("PASSED"));
        assertThat(browser.findElements(By.cssSelector("#timeline td.stage[data-state=DONE]"))).hasSizeGreaterThan(8);
        assertThat(Integer.parseInt(browser.findElement(By.tagName("body")).getAttribute("data-updates")))
                .isGreaterThan(10);
        assertThat(text("#verdicts")).contains("FAIL").contains("PASS");
        assertThat(text("#bluf")).isNotBlank();
        browser.findElement(By.cssSelector("#timeline td.stage[data-stage=engage]")).click();
        assertThat(text("#detail-text")).isNotBlank();
        Files.write(Path.of("target/console.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

        // And the missions list shows it
        browser.get(console.url());
        await().atMost(PATIENCE).until(() -> browser.findElements(
                By.cssSelector("#missions tr[data-mission='" + missionId + "']")).size() == 1);

        // Given a mission that needs confirmation, open on its page
        String pausedId = "console-paused-" + PREFIX.replace(".", "");
        browser.get(console.url() + "#/missions/" + pausedId);
        submit(pausedId, true);
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("approve")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#proposed tbody tr"))).hasSize(3);
        assertThat(text("#mission-status")).isEqualTo("PAUSED");

        // When it is approved by a click
        browser.findElement(By.id("note")).sendKeys("looks right");
        browser.findElement(By.id("approve")).click();

        // Then the orchestrator's answer is shown, and the mission passes
        await().atMost(PATIENCE).until(() -> text("#answer").startsWith("MissionResumed"));
        await().atMost(PATIENCE).until(() -> text("#mission-status").equals("COMPLETED"));
        assertThat(browser.findElement(By.id("decision")).isDisplayed()).isFalse();
    }

    @Test
    void shouldShowAPausedMissionsPlanAndAnswerEveryDecisionFromTheCli() throws Exception {
        // Given a paused mission
        String missionId = "console-cli-" + PREFIX.replace(".", "");
        submit(missionId, true);
        await().atMost(PATIENCE).until(() -> stdout(() -> cli("show", missionId)).contains("status   PAUSED"));

        // When it is shown, then its proposed plan is printed with how to approve it
        String shown = stdout(() -> assertThat(cli("show", missionId)).isZero());
        assertThat(shown).contains("proposed plan " + missionId).contains("- overview (writer)")
                .contains("swarm approve " + missionId + " --plan");

        // When approving another plan, an unknown mission, then cancelling, then approving the ended mission
        int stale = cli("approve", missionId, "--plan", "no-such-plan");
        int unknown = cli("approve", "no-such-mission-" + PREFIX);
        String cancelled = stdout(() -> assertThat(cli("cancel", missionId, "--reason", "not now")).isZero());
        int ended = cli("approve", missionId);

        // Then every refusal exits 1 with the orchestrator's reason, the cancel 0 with its answer
        assertThat(stale).isEqualTo(1);
        assertThat(unknown).isEqualTo(1);
        assertThat(ended).isEqualTo(1);
        assertThat(err.text()).contains("refused (MissionRejected): STALE_PLAN")
                .contains("refused (MissionRejected): UNKNOWN_MISSION").contains("refused (MissionRejected): NOT_PAUSED");
        assertThat(cancelled).contains("MissionCancelled: cancelled by ").contains("not now");
        assertThat(stdout(() -> cli("missions"))).containsPattern(missionId + " +CANCELLED +0/0")
                .containsPattern("no-such-mission-\\S+ +REJECTED");

        // And a local registry other than the one the orchestrator published is refused as such
        Path other = Files.writeString(dir.resolve("other.yaml"), Files.readString(capabilities())
                .replace("../scripted/demo.yaml", REPO.resolve("examples/scripted/demo.yaml").toString())
                .replace("max_tokens: 2000", "max_tokens: 1500"));
        int mismatch = cli("submit", REPO.resolve("examples/missions/demo.yaml").toString(), "--capabilities",
                other.toString());
        assertThat(mismatch).isEqualTo(2);
        assertThat(err.text()).contains("REGISTRY_MISMATCH at --capabilities").contains("published by orchestrator/");
    }

    @Test
    void shouldAskForTheTokenAndRefuseADecisionFromAnotherSite() throws Exception {
        // Given a console with a token
        try (ConsoleServer guarded = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0,
                java.util.Optional.of("s3cret-token")), client, CATALOGUE, codecs, Duration.ofSeconds(5))) {
            String base = guarded.url();

            // Then a request without it is refused, one with it served
            assertThat(get(base + "api/missions")).isEqualTo(401);
            assertThat(get(base + "api/missions?token=wrong")).isEqualTo(401);
            assertThat(get(base + "api/missions?token=s3cret-token")).isEqualTo(200);
            assertThat(guarded.url()).doesNotContain("s3cret-token");

            // And a decision that is not JSON, or comes from another origin, is refused before any command
            assertThat(post(base + "api/missions/m-1/approve?token=s3cret-token", "text/plain", null)).isEqualTo(400);
            assertThat(post(base + "api/missions/m-1/approve?token=s3cret-token", "application/json",
                    "https://evil.example")).isEqualTo(403);
        }
    }

    private static int get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(String url, String contentType, String origin) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\": \"x\"}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    final CapturedStdErr err = new CapturedStdErr();

    private static int cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", KafkaFixture.bootstrapServers(), "--topic-prefix", PREFIX));
        return SwarmCommand.execute(all.toArray(String[]::new));
    }

    private static synchronized String stdout(Runnable command) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void submit(String missionId, boolean confirm) {
        SubmitMission submission = MissionCommand.validate(REPO.resolve("examples/missions/demo.yaml"), capabilities(),
                workflows());
        submission.getMission().setMissionId(missionId);
        submission.getMission().getConstraints().setRequiresConfirmation(confirm);
        MissionCommand.submit(client, CATALOGUE, codecs, submission);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static Path capabilities() {
        return REPO.resolve("examples/capabilities/offline.yaml");
    }

    private static Path workflows() {
        return REPO.resolve("examples/workflows");
    }
}
