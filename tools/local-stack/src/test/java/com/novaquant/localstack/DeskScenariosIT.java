package com.novaquant.localstack;

import com.novaquant.events.FillEvent;
import com.novaquant.events.FundingPaymentEvent;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.LegRiskEvent;
import com.novaquant.events.PairEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Side;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.testsupport.ExchangeRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The whole desk end to end, as an operator would see it: real Kafka, real PostgreSQL, the exchange simulator and the
 * four services as separate JVMs, the Telegram sink. One desk serves the four scenarios in order, each leaving the
 * desk in the state the next one starts from.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskScenariosIT {

    private static final long CHAT = 100001;
    private static final String SYMBOL = "BTCUSDT";
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Desk desk;
    static TopicRecorder recorder;
    static String password = UUID.randomUUID().toString();

    @BeforeAll
    static void startDesk() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent().getParent();
        Path work = Files.createTempDirectory("desk-scenarios");
        Map<String, List<String>> extra = Map.of(
                DeskConfig.SIMULATOR, List.of(
                        // No funding spike of its own: the scenarios set funding through the simulator's admin API.
                        "--nova.simulator.funding.spike-start=1000h", "--nova.simulator.funding.negative-start=1000h"),
                DeskConfig.SIGNAL, List.of("--nova.signal.republish-interval=5s"),
                // Start-up under load may already have raised a lag alert; a fresh one must not be held back for 5 min.
                DeskConfig.INGESTION, List.of("--nova.ingestion.alert-dedup-window=10s"),
                DeskConfig.EXECUTION, List.of(
                        // A rejected hedge is unwound at once (no re-hedge attempt), funding is polled often.
                        "--nova.execution.rehedge-attempts=0",
                        "--nova.execution.funding-poll-interval=2s",
                        // The books are reconciled on demand, up to now.
                        "--nova.execution.books.reconcile-settle=0s"),
                DeskConfig.ALERT, List.of("--nova.alert.dedup-window=5s"));
        DeskConfig config = new DeskConfig(repo, work, "synthetic", 0, 0, DeskConfig.freePorts(), null,
                String.valueOf(CHAT), password, extra, List.of());
        desk = new Desk(config, System.out).start(Duration.ofMinutes(4));
        recorder = new TopicRecorder(desk.kafkaClientProperties(),
                List.of(Topics.EXEC_EVENTS, Topics.CONTROL, Topics.FEED_GATES, Topics.QUOTES, Topics.ALERTS));
    }

    @AfterAll
    static void stopDesk() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(0)
    void ingestionKnowsTheExchangeClockDespiteACrowdedStartUp() {
        // Simulator and ingestion share this host's clock: the true offset is 0. Every JVM of the desk started at
        // once, so ingestion's first server-time requests ran on a cold client on crowded cores; an offset taken from
        // one of them was ~1 s ahead, and every USD-M frame then looked a second late (lag reconnects, a storm halt).
        for (String venue : List.of("SPOT", "USDM")) {
            double offset = series(DeskConfig.INGESTION, "nova_ingestion_clock_offset_seconds{application=\"ingestion-service\",venue=\"" + venue + "\"}");
            assertThat(Math.abs(offset)).as(venue + " clock offset, s").isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    @Order(0)
    void theDesksBrokerServesNoClientWithoutALogin() throws Exception {
        // Every service reached it (the desk trades), so each logged in as itself; a client without a login gets
        // nothing, not even the topic list.
        Map<String, Object> anonymous = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, desk.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        try (Admin admin = Admin.create(desk.kafkaClientProperties())) {
            assertThat(admin.listTopics().names().get(5, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        }
    }

    @Test
    @Order(1)
    void futuresLegRejectedUnwindsSpotHaltsTradingAndPagesTheOperator() {
        simulator("POST", "/admin/faults/reject-next",
                "{\"venue\":\"USDM\",\"symbol\":\"" + SYMBOL + "\",\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
        simulator("POST", "/admin/market/funding", "{\"symbol\":\"" + SYMBOL + "\",\"rate\":0.003}");

        await().atMost(STEP).until(() -> recorder.all(LegRiskEvent.class).stream().anyMatch(e -> e.symbol().equals(SYMBOL)));
        LegRiskEvent episode = recorder.all(LegRiskEvent.class).getFirst();
        assertThat(episode.filledVenue()).isEqualTo(Venue.SPOT);
        assertThat(episode.failedVenue()).isEqualTo(Venue.USDM);
        assertThat(episode.resolution()).isEqualTo("UNWOUND");

        await().atMost(STEP).until(() -> recorder.all(KillSwitchState.class).stream().anyMatch(KillSwitchState::engaged));
        await().atMost(STEP).until(() -> telegramContains("LEG RISK DETECTED"));
        assertThat(telegram("LEG RISK DETECTED")).contains("Spot Filled").contains("Future Rejected").contains("System Halted");

        // The unwind sold back what the spot leg bought: no naked spot exposure is left.
        String orders = simulator("GET", "/admin/orders", null);
        assertThat(count(orders, "\"outcome\":\"REJECTED:-2019\"")).isEqualTo(1);
        assertThat(count(orders, "\"side\":\"BUY\"")).isEqualTo(1);
        assertThat(count(orders, "\"side\":\"SELL\"")).isEqualTo(2);

        // While the kill switch is engaged the funding spike goes on, and nothing opens.
        int ordersBefore = count(orders, "\"clientOrderId\"");
        sleep(Duration.ofSeconds(15));
        assertThat(count(simulator("GET", "/admin/orders", null), "\"clientOrderId\"")).isEqualTo(ordersBefore);
        assertThat(recorder.all(PairEvent.class)).noneMatch(p -> p.state().equals("OPEN"));
    }

    @Test
    @Order(2)
    void releasedByTheOperatorTheFundingSpikeOpensAHedgedPairAndTheOperatorIsTold() {
        assertThat(admin("POST", "/admin/kill-switch/release", "{\"reason\":\"leg risk reviewed\"}").statusCode()).isEqualTo(200);

        await().atMost(STEP).until(() -> recorder.all(PairEvent.class).stream()
                .anyMatch(p -> p.symbol().equals(SYMBOL) && p.state().equals("OPEN")));
        PairEvent open = recorder.all(PairEvent.class).stream().filter(p -> p.state().equals("OPEN")).findFirst().orElseThrow();
        // The short sells what was bought; the spot leg holds that less the commission Binance takes in the base
        // asset, so the two legs may differ by at most that commission (0.1 % here, 0.2 % tolerated).
        List<FillEvent> fills = recorder.all(FillEvent.class).stream().filter(f -> f.pairId().equals(open.pairId())).toList();
        BigDecimal bought = sum(fills, Venue.SPOT, Side.BUY);
        BigDecimal sold = sum(fills, Venue.USDM, Side.SELL);
        assertThat(open.spotQty()).isPositive();
        assertThat(sold).isPositive().isEqualByComparingTo(open.perpQty().abs());
        assertThat(bought.subtract(sold).abs()).isLessThanOrEqualTo(bought.multiply(new BigDecimal("0.002")));
        BigDecimal gap = open.perpQty().abs().subtract(open.spotQty()).abs();
        assertThat(gap).isLessThanOrEqualTo(open.perpQty().abs().multiply(new BigDecimal("0.002")));

        HttpResponse<String> pairs = admin("GET", "/admin/pairs", null);
        assertThat(pairs.statusCode()).isEqualTo(200);
        assertThat(pairs.body()).contains(SYMBOL).contains(open.pairId().value());
        assertThat(admin("GET", "/admin/pairs", null, "wrong-password").statusCode()).isEqualTo(401);

        // The release reached the operator's phone, and the operator can ask for positions from Telegram.
        await().atMost(STEP).until(() -> telegramContains("released"));
        desk.telegramCommand(CHAT, "operator_alice", "/positions");
        await().atMost(STEP).until(() -> desk.telegramMessages().stream()
                .anyMatch(m -> m.contains(SYMBOL) && !m.contains("LEG RISK") && !m.contains("released")));
    }

    @Test
    @Order(3)
    void feedLagRaisesAWarningReconnectsAndRecovers() {
        double reconnectsBefore = metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total");
        simulator("POST", "/admin/faults/feed-lag", "{\"venue\":\"USDM\",\"ms\":700}");

        await().atMost(STEP).until(() -> telegramContains("WebSocket lag detected"));
        await().atMost(STEP).until(() -> metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total") > reconnectsBefore);

        simulator("DELETE", "/admin/faults", null);
        long recoveredFrom = System.currentTimeMillis();
        await().atMost(STEP).until(() -> recorder.all(Quote.class).stream()
                .anyMatch(q -> q.venue() == Venue.USDM && q.exchangeTimeMs() > recoveredFrom + 2_000
                        && q.receivedAtMicros() / 1000 - q.exchangeTimeMs() < 200));
        await().atMost(STEP).until(() -> status(DeskConfig.INGESTION, "/actuator/health/readiness") == 200);
    }

    @Test
    @Order(4)
    void aFundingIntervalPaysTheShort() {
        simulator("POST", "/admin/clock/advance", "{\"ms\":28800000}");

        await().atMost(STEP).until(() -> recorder.all(FundingPaymentEvent.class).stream()
                .anyMatch(f -> f.symbol().equals(SYMBOL) && f.amount().signum() > 0));
        String pnl = admin("GET", "/admin/pnl?hours=24", null).body();
        assertThat(number(pnl, "funding")).isPositive();
    }

    @Test
    @Order(5)
    void closedWhenFundingFadesTheBooksEqualTheExchangesOwnRecordsAndReconcileToZero() {
        // Funding at zero leaves less to earn than leaving costs: the pair closes (CARRY_BELOW_EXIT).
        simulator("POST", "/admin/market/funding", "{\"symbol\":\"" + SYMBOL + "\",\"rate\":0}");
        await().atMost(STEP).until(() -> recorder.all(PairEvent.class).stream()
                .anyMatch(p -> p.symbol().equals(SYMBOL) && p.state().equals("CLOSED")));

        // Books what is pending and compares with the exchange's income history: every difference is zero.
        JsonNode differences = JSON.readTree(admin("POST", "/admin/books/reconcile", null).body());
        assertThat(differences.properties()).isNotEmpty();
        differences.properties().forEach(d -> assertThat(d.getValue().decimalValue()).as(d.getKey()).isZero());
        List<String> gauges = prometheus(DeskConfig.EXECUTION).lines()
                .filter(l -> l.startsWith("nova_execution_books_difference{")).toList();
        assertThat(gauges).isNotEmpty().allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .as(l).isZero());

        // The split equals what the simulator's own trade and income records add up to, to 1e-8 USDT.
        JsonNode records = null;
        for (JsonNode account : JSON.readTree(simulator("GET", "/admin/records?symbol=" + SYMBOL, null))) {
            if (account.path("apiKey").asString().equals(Desk.PAPER_API_KEY)) {
                records = account;
            }
        }
        assertThat(records).isNotNull();
        ExchangeRecords expected = ExchangeRecords.of(records, "BTC", new BigDecimal("0.00001"));
        JsonNode row = null;
        for (JsonNode symbolRow : JSON.readTree(admin("GET", "/admin/pnl?hours=24", null).body()).path("bySymbol")) {
            if (symbolRow.path("key").asString().equals(SYMBOL)) {
                row = symbolRow;
            }
        }
        assertThat(row).isNotNull();
        BigDecimal tolerance = new BigDecimal("1E-8");
        assertThat(expected.fees()).isPositive();
        assertThat(expected.funding()).isPositive();
        assertThat(row.path("fees").decimalValue()).isCloseTo(expected.fees(), within(tolerance));
        assertThat(row.path("funding").decimalValue()).isCloseTo(expected.funding(), within(tolerance));
        assertThat(row.path("basis").decimalValue()).isCloseTo(expected.basis(), within(tolerance));
    }

    @Test
    @Order(6)
    void aTelegramHaltIsRecordedAsTheAlertBridgeForTheOperatorWhoSentIt() throws Exception {
        // The alert service calls execution with its own DELEGATE account and names the Telegram user.
        desk.telegramCommand(CHAT, "operator_alice", "/halt audit check");
        await().atMost(STEP).until(() -> JSON.readTree(admin("GET", "/admin/status", null).body())
                .path("killSwitch").path("by").asString().equals("alert-bridge for telegram:@operator_alice"));

        // The operator's own call is recorded under the authenticated account, whatever it claims to be.
        HttpResponse<String> released = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + desk.config().port(DeskConfig.EXECUTION)
                        + "/admin/kill-switch/release"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Nova-Actor", "telegram:@someone_else")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"audit check done\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).path("by").asString()).isEqualTo("operator");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static BigDecimal sum(List<FillEvent> fills, Venue venue, Side side) {
        return fills.stream().filter(f -> f.venue() == venue && f.side() == side).map(FillEvent::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean telegramContains(String text) {
        return desk.telegramMessages().stream().anyMatch(m -> m.contains(text));
    }

    private static String telegram(String text) {
        return desk.telegramMessages().stream().filter(m -> m.contains(text)).findFirst().orElse("");
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static BigDecimal number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?(-?[0-9.Ee+-]+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return new BigDecimal(m.group(1));
    }

    private static String simulator(String method, String path, String body) {
        HttpResponse<String> response = send(method, "http://localhost:" + desk.config().port(DeskConfig.SIMULATOR) + path, body, null);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return admin(method, path, body, password);
    }

    private static HttpResponse<String> admin(String method, String path, String body, String secret) {
        String basic = Base64.getEncoder().encodeToString(("operator:" + secret).getBytes(StandardCharsets.UTF_8));
        return send(method, "http://localhost:" + desk.config().port(DeskConfig.EXECUTION) + path, body, "Basic " + basic);
    }

    /** An actuator path of a process: on its management port. */
    private static int status(String process, String path) {
        return send("GET", "http://localhost:" + desk.config().managementPort(process) + path, null, null).statusCode();
    }

    private static String prometheus(String process) {
        return send("GET", "http://localhost:" + desk.config().managementPort(process) + "/actuator/prometheus", null, null).body();
    }

    private static double metric(String process, String name) {
        String body = send("GET", "http://localhost:" + desk.config().managementPort(process) + "/actuator/prometheus", null, null).body();
        return body.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The value of one exact series (name and labels); fails when the process does not expose it. */
    private static double series(String process, String series) {
        String body = send("GET", "http://localhost:" + desk.config().managementPort(process) + "/actuator/prometheus", null, null).body();
        String line = body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(process + " exposes no " + series));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static HttpResponse<String> send(String method, String url, String body, String authorization) {
        return DeskHttp.send(method, url, body, authorization);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
