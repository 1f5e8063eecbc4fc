package com.novaquant.observability;

import com.novaquant.localstack.TelegramSink;
import com.novaquant.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The second alert path, end to end with real servers: Prometheus (Debian's) evaluates the shipped rules and sends
 * what fires to Alertmanager (Debian's), configured and started by the very script docker-compose runs
 * ({@code deploy/compose/alertmanager/start.sh}); Alertmanager pages the operators' chats on a Telegram Bot API
 * stand-in. Prometheus scrapes nothing, as when every service is gone: {@code NovaAlertServiceAbsent} (about the
 * alerting path) must reach both chats, {@code NovaExecutionAbsent} (which pages through alert-service) must be routed
 * to no chat. The rules are the shipped ones with their {@code for} durations set to zero, so that the test does not
 * wait minutes for a pending period that Prometheus, not the desk, implements.
 */
class AlertmanagerRoutingIT {

    static final Path REPO = ShippedDashboardsAndRulesTest.REPO;
    static final Path START_SCRIPT = REPO.resolve("deploy/compose/alertmanager/start.sh");
    static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    static final long OPERATORS_CHAT = -1001234567890L;
    static final long SECOND_CHAT = 42L;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static TelegramSink telegram;
    private static Process alertmanager;
    private static URI alertmanagerUri;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startTheAlertPath(@TempDir Path workDir) throws IOException {
        PrometheusServer.requireInstalled(ALERTMANAGER);
        telegram = TelegramSink.start(0, new PrintStream(OutputStream.nullOutputStream()));
        int port = FreePorts.next();
        alertmanagerUri = URI.create("http://127.0.0.1:" + port);
        Path amDir = Files.createDirectories(workDir.resolve("alertmanager"));
        ProcessBuilder builder = new ProcessBuilder("sh", START_SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(amDir.resolve("alertmanager.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ALERTMANAGER_BIN", ALERTMANAGER.toString());
        env.put("ALERTMANAGER_CONFIG", amDir.resolve("alertmanager.yml").toString());
        env.put("ALERTMANAGER_STORAGE", amDir.resolve("data").toString());
        env.put("ALERTMANAGER_LISTEN", "127.0.0.1:" + port);
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
        env.put("TELEGRAM_BOT_TOKEN", "123456:test-token");
        env.put("NOVA_TELEGRAM_CHAT_IDS", OPERATORS_CHAT + ", " + SECOND_CHAT);
        env.put("NOVA_ALERTMANAGER_GROUP_WAIT", "1s");
        alertmanager = builder.start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> e instanceof IOException).until(() -> {
            if (!alertmanager.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + Files.readString(amDir.resolve("alertmanager.log")));
            }
            return get("/-/ready").statusCode() == 200;
        });

        Path rules = Files.writeString(workDir.resolve("rules.yml"),
                Files.readString(ShippedDashboardsAndRulesTest.RULES).replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 0s"));
        prometheus = PrometheusServer.start(workDir.resolve("prometheus"), List.of(), rules, Duration.ofMillis(500),
                "127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aFiringRuleAboutTheAlertingPathReachesEveryOperatorChatAndTheOthersReachNone() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                telegram.sentTo(OPERATORS_CHAT).stream().anyMatch(m -> m.contains("NovaAlertServiceAbsent"))
                        && telegram.sentTo(SECOND_CHAT).stream().anyMatch(m -> m.contains("NovaAlertServiceAbsent")));
        await().atMost(Duration.ofSeconds(30)).until(() -> receivers("NovaExecutionAbsent").equals(List.of("null")));

        assertThat(receivers("NovaAlertServiceAbsent")).containsExactly("nova-operators-telegram");
        List<String> direct = directPageAlerts();
        assertThat(telegram.sent()).allSatisfy(message -> assertThat(alertNames(message))
                .isNotEmpty()
                .allMatch(direct::contains, "routed to Telegram by name"));
    }

    @Test
    void theScriptAndTheChartRouteTheSameAlertsAndEachIsAShippedRule() throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(REPO.resolve("deploy/helm/nova-quant/values.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) values.get("metrics");
        @SuppressWarnings("unchecked")
        Map<String, Object> am = (Map<String, Object>) metrics.get("alertmanagerConfig");

        assertThat(directPageAlerts()).containsExactlyInAnyOrderElementsOf(castList(am.get("alertNames")));
        String rules = Files.readString(ShippedDashboardsAndRulesTest.RULES);
        assertThat(directPageAlerts()).allSatisfy(name -> assertThat(rules).contains("- alert: " + name + "\n"));
    }

    @Test
    void aChatIdThatIsNotANumberStopsTheScriptBeforeAlertmanagerStarts(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", START_SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("ALERTMANAGER_BIN", "/bin/true");
        builder.environment().put("ALERTMANAGER_CONFIG", dir.resolve("am.yml").toString());
        builder.environment().put("TELEGRAM_BOT_TOKEN", "123456:test-token");
        builder.environment().put("NOVA_TELEGRAM_CHAT_IDS", "@operators");
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script.waitFor()).isEqualTo(64);
        assertThat(output).contains("'@operators' is not a numeric Telegram chat id").doesNotContain("test-token");
    }

    private static List<String> directPageAlerts() throws IOException {
        Matcher m = Pattern.compile("DIRECT_PAGE_ALERTS='([^']+)'").matcher(Files.readString(START_SCRIPT));
        assertThat(m.find()).as("DIRECT_PAGE_ALERTS in " + START_SCRIPT).isTrue();
        return Arrays.asList(m.group(1).split("\\|"));
    }

    private static List<String> alertNames(String message) {
        Matcher m = Pattern.compile("alertname = (\\w+)").matcher(message);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The receivers Alertmanager routed the named alert to, from its API; empty while it has no such alert. */
    private static List<String> receivers(String alertName) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("alertname=\"" + alertName + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> response = get("/api/v2/alerts?filter=" + filter);
        List<String> names = new ArrayList<>();
        for (JsonNode alert : JSON.readTree(response.body())) {
            for (JsonNode receiver : alert.path("receivers")) {
                names.add(receiver.path("name").asString());
            }
        }
        return names;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(alertmanagerUri.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
