package com.novaquant.resilience;

import com.novaquant.events.Alert;
import com.novaquant.events.LegRiskEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Severity;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.localstack.DeskConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into the whole running desk, and what must hold after each: the outcome, the exchange's own
 * journal (orders, duplicates, how long a leg stood alone), the ledger, the kill switch and Telegram. Every scenario
 * adds a row to the summary table printed at the end ({@code target/resilience-summary.md}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceSuiteIT {

    private static final BigDecimal QTY = new BigDecimal("2");
    /** Commission taken in the base asset and step rounding: below this the two legs are equal. */
    private static final BigDecimal DUST = new BigDecimal("0.016");
    private static final Duration STEP = Duration.ofSeconds(60);
    /** One symbol per scenario (the simulator lists any symbol, with a generic preset): RSAUSDT ... RSZUSDT. */
    private static final List<String> SYMBOLS = java.util.stream.IntStream.rangeClosed('A', 'Z')
            .mapToObj(c -> "RS" + (char) c + "USDT").toList();

    static DeskUnderTest desk;
    static final SummaryTable TABLE = new SummaryTable();
    private static int nextSymbol;

    @BeforeAll
    static void startDesk() throws IOException {
        desk = new DeskUnderTest(Files.createTempDirectory("resilience"), SYMBOLS);
    }

    @AfterAll
    static void stopDeskAndPrintTheTable() throws InterruptedException {
        String table = TABLE.markdown();
        System.out.println("\n## Resilience suite\n\n" + table);
        TABLE.write(Path.of("target"));
        if (desk != null) {
            desk.close();
        }
    }

    // --- 3. exchange faults on each leg ----------------------------------------------------------------------------

    @TestFactory
    @Order(1)
    Stream<DynamicTest> exchangeFaultsOnEachLeg() {
        return Stream.of(
                reject(Venue.SPOT, -2010, "Account has insufficient balance for requested action."),
                reject(Venue.SPOT, -1013, "Filter failure: LOT_SIZE"),
                reject(Venue.USDM, -2019, "Margin is insufficient."),
                reject(Venue.USDM, -4164, "Order's notional must be no smaller than 5 (unless you choose reduce only)."),
                ambiguous(Venue.SPOT, "HTTP_5XX"), ambiguous(Venue.USDM, "HTTP_5XX"),
                ambiguous(Venue.SPOT, "CODE_1007"), ambiguous(Venue.USDM, "CODE_1007"),
                ambiguous(Venue.SPOT, "TIMEOUT"), ambiguous(Venue.USDM, "TIMEOUT"),
                partial(Venue.SPOT), partial(Venue.USDM),
                throttled("rate-limit", "429 -1003 with Retry-After 3 s on every REST call"),
                throttled("ban", "418 IP ban with Retry-After 3 s on every REST call"));
    }

    private DynamicTest reject(Venue venue, int code, String msg) {
        String symbol = symbol();
        String fault = venue + " order rejected " + code;
        return DynamicTest.dynamicTest(fault, () -> scenario("exchange fault on the " + label(venue) + " leg", fault, c -> {
            desk.simulator("POST", "/admin/faults/reject-next",
                    "{\"venue\":\"" + venue + "\",\"symbol\":\"" + symbol + "\",\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
            String outcome = openPair(symbol);
            assertThat(outcome).as("a permanent refusal is not retried: the filled leg is unwound").isEqualTo("UNWOUND");
            await().atMost(STEP).until(() -> desk.delivered("LEG RISK DETECTED") > 0 && legRiskDelivered(symbol) == 1);
            assertThat(desk.killSwitchEngaged()).as("leg risk halts opening").isTrue();
            c.alerts(1, legRiskDelivered(symbol));
            LegRiskEvent episode = desk.recorder.all(LegRiskEvent.class).stream().filter(e -> e.symbol().equals(symbol))
                    .findFirst().orElseThrow();
            assertThat(episode.failedVenue()).isEqualTo(venue);
            assertThat(episode.resolution()).isEqualTo("UNWOUND");
            desk.releaseKillSwitch();
            settleFlat(symbol, c);
        }));
    }

    private DynamicTest ambiguous(Venue venue, String mode) {
        String symbol = symbol();
        String fault = venue + " order placed, answer " + mode;
        return DynamicTest.dynamicTest(fault, () -> scenario("exchange fault on the " + label(venue) + " leg", fault, c -> {
            desk.simulator("POST", "/admin/faults/ambiguous-next",
                    "{\"venue\":\"" + venue + "\",\"symbol\":\"" + symbol + "\",\"mode\":\"" + mode + "\"}");
            String outcome = openPair(symbol);
            assertThat(outcome).as("the placed order is found by query, never sent again").isEqualTo("FILLED");
            assertThat(desk.journal().symbol(symbol).placed()).isEqualTo(2);
            assertHedged(symbol);
            closePair(symbol);
            c.alerts(0, legRiskDelivered(symbol));
            assertThat(desk.killSwitchEngaged()).isFalse();
            settleFlat(symbol, c);
        }));
    }

    private DynamicTest partial(Venue venue) {
        String symbol = symbol();
        String fault = venue + " order fills 50 %";
        return DynamicTest.dynamicTest(fault, () -> scenario("exchange fault on the " + label(venue) + " leg", fault, c -> {
            desk.simulator("POST", "/admin/faults/partial-fill-next",
                    "{\"venue\":\"" + venue + "\",\"symbol\":\"" + symbol + "\",\"ratio\":0.5}");
            String outcome = openPair(symbol);
            assertThat(outcome).as("the short leg is completed by a re-hedge").isEqualTo("REHEDGED");
            assertHedged(symbol);
            closePair(symbol);
            c.alerts(0, legRiskDelivered(symbol));
            assertThat(desk.killSwitchEngaged()).isFalse();
            settleFlat(symbol, c);
        }));
    }

    private DynamicTest throttled(String kind, String fault) {
        String symbol = symbol();
        return DynamicTest.dynamicTest(fault, () -> scenario("exchange throttles both venues", fault, c -> {
            Signal signal = desk.signal(symbol, QTY);
            desk.simulator("POST", "/admin/faults/" + kind, "{\"seconds\":3}");
            long from = System.currentTimeMillis();
            String outcome = execute(signal);
            assertThat(outcome).as("nothing is placed while throttled").isNotIn("FILLED", "REHEDGED");
            assertThat(desk.journal().symbol(symbol).placed()).isZero();
            // After Retry-After the desk trades again, once.
            await().atMost(STEP).until(() -> System.currentTimeMillis() > from + 4_000);
            desk.simulator("DELETE", "/admin/faults", null);
            // A reconciliation that ran into the throttle held trading; the next one that reads the exchange lifts it.
            await().atMost(STEP).until(() -> !desk.tradingHeld());
            assertThat(openPair(symbol)).isEqualTo("FILLED");
            assertHedged(symbol);
            closePair(symbol);
            c.alerts(0, legRiskDelivered(symbol));
            settleFlat(symbol, c);
        }));
    }

    // --- 8. duplicate and redelivered messages ---------------------------------------------------------------------

    @Test
    @Order(2)
    void theSameSignalDeliveredTwiceTradesOnce() {
        String symbol = symbol();
        scenario("duplicate Kafka message", "the same signal record published twice", c -> {
            Signal signal = desk.signal(symbol, QTY);
            double duplicates = desk.signalOutcomes().getOrDefault("DUPLICATE", 0.0);
            desk.publish(Topics.SIGNALS, signal);
            desk.publish(Topics.SIGNALS, signal);
            assertThat(awaitOutcome(signal)).isEqualTo("FILLED");
            await().atMost(STEP).until(() -> desk.signalOutcomes().getOrDefault("DUPLICATE", 0.0) >= duplicates + 1);
            assertThat(desk.journal().symbol(symbol).placed()).as("one order per leg").isEqualTo(2);
            assertHedged(symbol);
            closePair(symbol);
            c.alerts(0, legRiskDelivered(symbol));
            settleFlat(symbol, c);
        });
    }

    @Test
    @Order(3)
    void alertsReReadAfterARestartOfTheAlertServiceAreNotSentAgain() {
        scenario("redelivered Kafka messages", "alert-service restarted after delivering (records re-read)", c -> {
            List<String> markers = publishAlerts(3, Severity.CRITICAL);
            await().atMost(STEP).until(() -> markers.stream().allMatch(m -> desk.delivered(m) == 1));
            desk.desk.restart(DeskConfig.ALERT, Duration.ofMinutes(3));
            List<String> after = publishAlerts(1, Severity.WARNING);
            await().atMost(STEP).until(() -> desk.delivered(after.getFirst()) == 1);
            int delivered = (int) markers.stream().filter(m -> desk.delivered(m) == 1).count();
            c.alerts(markers.size() + 1, delivered + desk.delivered(after.getFirst()));
            assertThat(delivered).as("each alert once, none again after the restart").isEqualTo(markers.size());
        });
    }

    // --- 5. Telegram outage and flood limits ------------------------------------------------------------------------

    @Test
    @Order(4)
    void aTelegramOutageDelaysAlertsButDeliversEachOnce() {
        scenario("Telegram outage", "sendMessage answers 502 for 8 s", c -> {
            long refusedBefore = desk.telegram().refused();
            desk.telegram().outage(true);
            List<String> markers = publishAlerts(3, Severity.CRITICAL);
            markers = new ArrayList<>(markers);
            markers.addAll(publishAlerts(1, Severity.WARNING));
            await().atMost(STEP).until(() -> desk.telegram().refused() > refusedBefore);
            sleep(Duration.ofSeconds(8));
            List<String> all = markers;
            assertThat(all).allMatch(m -> desk.delivered(m) == 0);
            desk.telegram().outage(false);
            await().atMost(STEP).until(() -> all.stream().allMatch(m -> desk.delivered(m) >= 1));
            sleep(Duration.ofSeconds(3));
            c.alerts(all.size(), (int) all.stream().filter(m -> desk.delivered(m) == 1).count());
            assertThat(all).allMatch(m -> desk.delivered(m) == 1);
        });
    }

    @Test
    @Order(5)
    void aTelegramFloodLimitIsWaitedOutAndEachAlertDeliveredOnce() {
        scenario("Telegram 429 storm", "sendMessage answers 429 retry_after for 6 s", c -> {
            long refusedBefore = desk.telegram().refused();
            desk.telegram().rateLimit(Duration.ofSeconds(6));
            List<String> markers = publishAlerts(4, Severity.CRITICAL);
            await().atMost(STEP).until(() -> desk.telegram().refused() > refusedBefore);
            await().atMost(STEP).until(() -> markers.stream().allMatch(m -> desk.delivered(m) >= 1));
            sleep(Duration.ofSeconds(3));
            c.alerts(markers.size(), (int) markers.stream().filter(m -> desk.delivered(m) == 1).count());
            assertThat(markers).allMatch(m -> desk.delivered(m) == 1);
        });
    }

    // --- 4. WebSocket faults --------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void feedLagPastTheThresholdWarnsReconnectsAndRecovers() {
        scenario("market-data WebSocket", "frames delayed 700 ms (threshold 200 ms)", c -> {
            int before = desk.delivered("WebSocket lag detected");
            double reconnects = desk.metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total");
            desk.simulator("POST", "/admin/faults/feed-lag", "{\"venue\":\"USDM\",\"ms\":700}");
            await().atMost(STEP).until(() -> desk.delivered("WebSocket lag detected") > before);
            await().atMost(STEP).until(() -> desk.metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total") > reconnects);
            desk.simulator("DELETE", "/admin/faults", null);
            awaitFreshQuotes(Venue.USDM);
            c.alerts(1, Math.min(1, desk.delivered("WebSocket lag detected") - before));
        });
    }

    @Test
    @Order(7)
    void silenceMakesTheFeedStaleAndAReconnectBringsItBack() {
        scenario("market-data WebSocket", "silence: every spot frame dropped (stale after 5 s)", c -> {
            int before = desk.delivered("WebSocket feed stale");
            desk.simulator("POST", "/admin/faults/drop-frames", "{\"venue\":\"SPOT\",\"ratio\":1.0}");
            await().atMost(STEP).until(() -> desk.delivered("WebSocket feed stale") > before);
            assertThat(desk.get(DeskConfig.INGESTION, "/actuator/health/readiness").statusCode())
                    .as("a stale feed takes ingestion out of readiness").isEqualTo(503);
            desk.simulator("DELETE", "/admin/faults", null);
            awaitFreshQuotes(Venue.SPOT);
            await().atMost(STEP).until(() -> desk.get(DeskConfig.INGESTION, "/actuator/health/readiness").statusCode() == 200);
            c.alerts(1, Math.min(1, desk.delivered("WebSocket feed stale") - before));
        });
    }

    @Test
    @Order(8)
    void malformedAndReplayedFramesAreCountedAndNeverPublished() {
        scenario("market-data WebSocket", "40 malformed frames, 40 replayed frames (duplicate and older update ids)", c -> {
            double malformed = desk.metric(DeskConfig.INGESTION, "nova_ingestion_rejected_total");
            double stale = desk.metric(DeskConfig.INGESTION, "nova_ingestion_rejected_total", "reason=\"STALE_UPDATE_ID\"");
            int quotesBefore = desk.recorder.all(Quote.class).size();
            desk.simulator("POST", "/admin/faults/malformed-frames", "{\"count\":40}");
            desk.simulator("POST", "/admin/faults/replay-frames", "{\"count\":40}");
            await().atMost(STEP).until(() -> desk.metric(DeskConfig.INGESTION, "nova_ingestion_rejected_total") >= malformed + 40);
            await().atMost(STEP).until(() -> desk.metric(DeskConfig.INGESTION, "nova_ingestion_rejected_total",
                    "reason=\"STALE_UPDATE_ID\"") > stale);
            // No quote on the topic ever goes back in update id for its symbol and venue.
            await().atMost(STEP).until(() -> desk.recorder.all(Quote.class).size() > quotesBefore + 100);
            assertThat(nonIncreasingUpdateIds(desk.recorder.all(Quote.class).subList(quotesBefore, desk.recorder.all(Quote.class).size())))
                    .as("duplicate or older update ids published").isZero();
            assertThat(desk.get(DeskConfig.INGESTION, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            c.alerts(0, 0);
        });
    }

    @Test
    @Order(10)
    void aServerShutdownNoticeAndADisconnectStormAreSurvivedAndTheStormHaltsTrading() {
        scenario("market-data WebSocket", "serverShutdown notice, then 6 abrupt disconnects in 12 s", c -> {
            int stormBefore = desk.delivered("Reconnect storm");
            double reconnects = desk.metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total");
            desk.simulator("POST", "/admin/market/shutdown-notice", "{\"venue\":\"SPOT\"}");
            await().atMost(STEP).until(() -> desk.metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total") > reconnects);
            awaitFreshQuotes(Venue.SPOT);
            for (int i = 0; i < 6; i++) {
                desk.simulator("POST", "/admin/faults/disconnect", "{\"venue\":\"USDM\"}");
                sleep(Duration.ofSeconds(2));
            }
            await().atMost(STEP).until(() -> desk.delivered("Reconnect storm") > stormBefore);
            await().atMost(STEP).until(desk::killSwitchEngaged);
            awaitFreshQuotes(Venue.USDM);
            c.alerts(1, Math.min(1, desk.delivered("Reconnect storm") - stormBefore));
            desk.releaseKillSwitch();
        });
    }

    // --- 1. the broker dies mid-stream -----------------------------------------------------------------------------

    /** Before the disconnect storm: the storm leaves the futures streams in a long reconnect backoff. */
    @Test
    @Order(9)
    void theBrokerKilledMidStreamComesBackAndNothingIsLostOrDoneTwice() {
        String symbol = symbol();
        scenario("Kafka broker", "broker process SIGKILLed for ~15 s under live market data, then restarted", c -> {
            int lagBefore = desk.delivered("WebSocket lag detected");
            double dropped = kafkaDrops();
            desk.kafka.kill();
            long downAt = System.currentTimeMillis();
            try {
                // While the broker is gone: ingestion's event loop keeps reading and answering, drops are counted,
                // and a feed problem raised now must still reach the operator later.
                desk.simulator("POST", "/admin/faults/feed-lag", "{\"venue\":\"USDM\",\"ms\":700}");
                await().atMost(STEP).until(() -> kafkaDrops() > dropped);
                for (String process : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                    assertThat(desk.get(process, "/actuator/health/liveness").statusCode()).as(process + " alive").isEqualTo(200);
                }
                await().atMost(STEP).until(() -> desk.get(DeskConfig.INGESTION, "/actuator/health/readiness").statusCode() == 503);
                sleep(Duration.ofMillis(Math.max(0, 15_000 - (System.currentTimeMillis() - downAt))));
            } finally {
                desk.simulator("DELETE", "/admin/faults", null);
                desk.kafka.launch();
            }

            for (String process : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                await().atMost(Duration.ofMinutes(2)).until(() -> desk.get(process, "/actuator/health/readiness").statusCode() == 200);
            }
            awaitFreshQuotes(Venue.USDM);
            await().atMost(STEP).until(() -> desk.delivered("WebSocket lag detected") > lagBefore);

            // The desk trades after the outage, once per signal.
            assertThat(openPair(symbol)).isEqualTo("FILLED");
            assertHedged(symbol);
            closePair(symbol);
            assertThat(desk.journal().duplicates()).as("no order placed twice over the whole run").isZero();
            c.alerts(1, Math.min(1, desk.delivered("WebSocket lag detected") - lagBefore));
            settleFlat(symbol, c);
        });
    }

    // --- 2. execution dies between the legs -------------------------------------------------------------------------

    @Test
    @Order(11)
    void executionKilledBetweenTheLegsCompletesThePairOnRestartWithoutADuplicate() {
        String symbol = symbol();
        scenario("execution-service crash", "SIGKILL after the spot leg filled, futures answer outstanding", c -> {
            desk.simulator("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"USDM\",\"symbol\":\"" + symbol + "\",\"mode\":\"TIMEOUT\"}");
            desk.publish(Topics.SIGNALS, desk.signal(symbol, QTY));
            await().atMost(STEP).pollInterval(Duration.ofMillis(50)).until(() -> desk.journal().symbol(symbol).orders().stream()
                    .anyMatch(o -> o.venue().equals("USDM")));
            ProcessHandle.of(desk.desk.pids().get(DeskConfig.EXECUTION)).orElseThrow().destroyForcibly();
            long killedAt = System.currentTimeMillis();
            desk.desk.restart(DeskConfig.EXECUTION, Duration.ofMinutes(3));
            // On start-up the ledger's open execution is repaired from the exchange: the pair is whole, nothing is
            // sent twice.
            await().atMost(STEP).until(() -> pairOf(symbol) != null && "OPEN".equals(pairOf(symbol).path("state").asString()));
            long recoveredMs = System.currentTimeMillis() - killedAt;
            ExchangeJournal journal = desk.journal().symbol(symbol);
            assertThat(journal.duplicates()).isZero();
            assertThat(journal.placed()).as("one order per leg, nothing re-sent").isEqualTo(2);
            assertHedged(symbol);
            // The new instance trades once its start-up reconciliation is done.
            await().atMost(STEP).until(() -> !desk.tradingHeld());
            System.out.println("[resilience] execution restarted and repaired the pair in " + recoveredMs + " ms");
            // Signals sent while the dead instance still held its partitions (until its consumer session expires)
            // arrive stale (refused STALE_QUOTES) or expired (dropped before the ledger), never traded; a fresh one
            // closes the pair.
            await().atMost(Duration.ofMinutes(2)).until(() -> "FILLED".equals(tryExecute(desk.signal(symbol, BigDecimal.ZERO))));
            c.alerts(0, legRiskDelivered(symbol));
            settleFlat(symbol, c);
        });
    }

    // --- 6. bad input ----------------------------------------------------------------------------------------------

    @Test
    @Order(12)
    void malformedRecordsOnEveryTopicAreCountedAndNeverTraded() {
        scenario("bad input on Kafka", "200 fuzzed records each on nova.signals, nova.md.quotes, nova.alerts, nova.control", c -> {
            int ordersBefore = desk.journal().count();
            // In a fixed order, so that the seed gives each topic the same inputs on every run.
            Map<String, String> consumers = new LinkedHashMap<>();
            consumers.put(Topics.SIGNALS, DeskConfig.EXECUTION);
            consumers.put(Topics.QUOTES, DeskConfig.SIGNAL);
            consumers.put(Topics.ALERTS, DeskConfig.ALERT);
            consumers.put(Topics.CONTROL, DeskConfig.INGESTION);
            Signal valid = desk.signal(symbol(), QTY);
            // The seed names a symbol the exchange does not list: even a mutation that stays valid cannot trade.
            byte[] seed = com.novaquant.events.EventCodec.encode(withSymbol(valid, "NOSUCHUSDT"));
            Fuzzer fuzzer = new Fuzzer(20261125L);
            for (var entry : consumers.entrySet()) {
                double rejected = desk.metric(entry.getValue(), "nova_events_rejected_total", "topic=\"" + entry.getKey() + "\"");
                for (int i = 0; i < 200; i++) {
                    desk.publish(entry.getKey(), entry.getKey().equals(Topics.CONTROL) ? "kill-switch" : "fuzz", fuzzer.mutate(seed));
                }
                await().atMost(STEP).until(() -> desk.metric(entry.getValue(), "nova_events_rejected_total",
                        "topic=\"" + entry.getKey() + "\"") > rejected);
            }
            // Well-formed but nonsensical signals: refused before anything is sent.
            double badTargets = desk.signalOutcomes().getOrDefault("BAD_TARGET", 0.0);
            assertThat(execute(withTarget(valid, new BigDecimal("-2")))).isEqualTo("BAD_TARGET");
            // Too large to be recorded at all: refused before the ledger, counted.
            desk.publish(Topics.SIGNALS, withTarget(valid, new BigDecimal("1E+30")));
            await().atMost(STEP).until(() -> desk.signalOutcomes().getOrDefault("BAD_TARGET", 0.0) >= badTargets + 2);
            assertThat(execute(withSymbol(desk.signal(symbol(), QTY), "NOSUCHUSDT"))).as("unknown symbol")
                    .isNotIn("FILLED", "REHEDGED", "UNWOUND", "UNRESOLVED");
            for (String process : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                assertThat(desk.get(process, "/actuator/health/liveness").statusCode()).as(process).isEqualTo(200);
            }
            ExchangeJournal journal = desk.journal();
            c.exchange(new ExchangeJournal(journal.orders().subList(ordersBefore, journal.count())), DUST);
            assertThat(journal.count()).as("no order from bad input").isEqualTo(ordersBefore);
            // Behind the fuzzed records on their partition, a real alert must still get through: a consumer that
            // skips bad records one way but stalls on another would lose every alert after it.
            String marker = "resilience-after-fuzz-" + UUID.randomUUID();
            desk.publish(Topics.ALERTS, "fuzz", com.novaquant.events.EventCodec.encode(
                    Alert.of(Severity.WARNING, "resilience-suite", "SUITE_PROBE", "Probe " + marker, marker)));
            await().atMost(STEP).until(() -> desk.delivered(marker) >= 1);
            c.alerts(1, desk.delivered(marker));
        });
    }

    @Test
    @Order(13)
    void fuzzedAdminRequestsGetClientErrorsNeverAServerError() {
        scenario("bad input over HTTP", "600 fuzzed bodies and parameters to the admin APIs, 2 MB bodies", c -> {
            int ordersBefore = desk.journal().count();
            Fuzzer fuzzer = new Fuzzer(7L);
            // A threshold far above any carry of the quiet market: a mutation that stays valid cannot start trading.
            List<String> seeds = List.of("{\"reason\":\"fuzz\"}", "{\"entryThresholdApr\": 55.5}");
            String original = DeskUnderTest.json(desk.admin(DeskConfig.SIGNAL, "GET", "/admin/config", null, desk.adminPassword).body())
                    .findPath("entryThresholdApr").asString();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = new String(fuzzer.mutate(seeds.getFirst().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                statuses.add(desk.admin(DeskConfig.EXECUTION, "POST", "/admin/kill-switch/engage", body, desk.adminPassword).statusCode());
                String config = new String(fuzzer.mutate(seeds.getLast().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                statuses.add(desk.admin(DeskConfig.SIGNAL, "PUT", "/admin/config", config, desk.adminPassword).statusCode());
                statuses.add(desk.admin(DeskConfig.EXECUTION, "GET", "/admin/orders?limit=" + fuzzer.token(), null, desk.adminPassword).statusCode());
            }
            String huge = "{\"reason\":\"" + "x".repeat(2_000_000) + "\"}";
            statuses.add(desk.admin(DeskConfig.EXECUTION, "POST", "/admin/kill-switch/release", huge, desk.adminPassword).statusCode());
            statuses.add(desk.admin(DeskConfig.SIGNAL, "PUT", "/admin/config", huge, desk.adminPassword).statusCode());
            assertThat(statuses).as("no request may crash a handler").allMatch(s -> s < 500);
            assertThat(statuses).contains(400);
            desk.releaseKillSwitch();
            assertThat(desk.admin(DeskConfig.SIGNAL, "PUT", "/admin/config", "{\"entryThresholdApr\": " + original + "}",
                    desk.adminPassword).statusCode()).isEqualTo(200);
            for (String process : List.of(DeskConfig.SIGNAL, DeskConfig.EXECUTION)) {
                assertThat(desk.get(process, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            }
            assertThat(desk.journal().count()).isEqualTo(ordersBefore);
            c.exchange(new ExchangeJournal(List.of()), DUST);
            c.alerts(0, 0);
        });
    }

    // --- 7. security -----------------------------------------------------------------------------------------------

    @Test
    @Order(14)
    void adminApisRefuseMissingAndWrongCredentialsAndActuatorShowsOnlyHealthInfoAndMetrics() {
        scenario("security", "admin calls without and with wrong credentials; every actuator endpoint probed", c -> {
            for (String[] call : List.of(new String[]{DeskConfig.EXECUTION, "GET", "/admin/status"},
                    new String[]{DeskConfig.EXECUTION, "POST", "/admin/flatten"},
                    new String[]{DeskConfig.EXECUTION, "POST", "/admin/kill-switch/release"},
                    new String[]{DeskConfig.SIGNAL, "GET", "/admin/config"},
                    new String[]{DeskConfig.SIGNAL, "PUT", "/admin/config"})) {
                assertThat(desk.admin(call[0], call[1], call[2], "{}", null).statusCode()).as(String.join(" ", call)).isEqualTo(401);
                assertThat(desk.admin(call[0], call[1], call[2], "{}", "wrong").statusCode()).as(String.join(" ", call)).isEqualTo(401);
            }
            for (String process : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                for (String open : List.of("health", "info", "prometheus")) {
                    assertThat(desk.get(process, "/actuator/" + open).statusCode()).as(process + " " + open).isEqualTo(200);
                }
                for (String closed : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings", "shutdown", "metrics")) {
                    assertThat(desk.get(process, "/actuator/" + closed).statusCode()).as(process + " " + closed).isIn(401, 404);
                }
            }
            c.alerts(0, 0);
        });
    }

    @Test
    @Order(15)
    void telegramCommandsFromAnUnknownChatDoNothing() {
        scenario("security", "/flatten from a chat not on the allow-list", c -> {
            int ordersBefore = desk.journal().count();
            int ignoredBefore = desk.delivered("Ignored a message from chat 666");
            desk.desk.telegramCommand(666, "mallory", "/flatten");
            await().atMost(STEP.multipliedBy(2)).until(() -> desk.delivered("Ignored a message from chat 666") >= ignoredBefore + 1);
            sleep(Duration.ofSeconds(2));
            assertThat(desk.telegram().sentTo(666)).as("no reply to a stranger").isEmpty();
            assertThat(desk.killSwitchEngaged()).isFalse();
            assertThat(desk.journal().count()).isEqualTo(ordersBefore);
            c.alerts(1, desk.delivered("Ignored a message from chat 666") - ignoredBefore);
        });
    }

    @Test
    @Order(16)
    void containersRunAsNonRoot() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        String dockerfile = Files.readString(repo.resolve("deploy/docker/Dockerfile"));
        String values = Files.readString(repo.resolve("helm/nova-quant/values.yaml"));
        scenario("security", "images and pods inspected for the user they run as", c -> {
            List<String> users = dockerfile.lines().filter(l -> l.strip().startsWith("USER ")).toList();
            assertThat(users).as("the image switches to an unprivileged user").isNotEmpty();
            assertThat(users.getLast()).doesNotContain("root").doesNotMatch(".*USER\\s+0(:.*)?\\s*$");
            assertThat(values).contains("runAsNonRoot: true");
            assertThat(values).doesNotContainPattern("runAsUser:\\s+0\\b");
            c.alerts(0, 0);
        });
    }

    @Test
    @Order(17)
    void noSecretAppearsInLogsEventsTelegramOrActuatorOutput() throws IOException {
        // The secrets this run handed to the desk. (The embedded database's password is its well-known default,
        // "postgres", which is also its user and driver name: not a secret a scan can tell apart.)
        List<String> secrets = List.of(desk.adminPassword, DeskUnderTest.PAPER_SECRET, DeskUnderTest.TELEGRAM_TOKEN);
        scenario("security", "every log line, record, Telegram message and actuator page of the run scanned for the secrets", c -> {
            List<String> leaks = new ArrayList<>();
            try (Stream<Path> logs = Files.list(desk.workDir)) {
                for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                    String text = Files.readString(log);
                    secrets.forEach(s -> {
                        if (text.contains(s)) {
                            leaks.add(log.getFileName() + " contains " + mask(s));
                        }
                    });
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String records = String.join("\n", desk.recorder.raw());
            String telegram = String.join("\n", desk.telegram().sent());
            StringBuilder actuator = new StringBuilder();
            for (String process : List.of(DeskConfig.SIMULATOR, DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                for (String page : List.of("health", "info", "prometheus")) {
                    actuator.append(desk.get(process, "/actuator/" + page).body());
                }
            }
            for (String s : secrets) {
                if (records.contains(s)) {
                    leaks.add("a Kafka record contains " + mask(s));
                }
                if (telegram.contains(s)) {
                    leaks.add("a Telegram message contains " + mask(s));
                }
                if (actuator.toString().contains(s)) {
                    leaks.add("an actuator page contains " + mask(s));
                }
            }
            assertThat(desk.recorder.raw().size()).as("the scan saw the run's records").isGreaterThan(1000);
            assertThat(leaks).isEmpty();
            c.alerts(0, 0);
        });
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Publishes a target for a fresh pair and waits until execution has handled it; returns the outcome. */
    private static String openPair(String symbol) {
        return execute(desk.signal(symbol, QTY));
    }

    private static void closePair(String symbol) {
        assertThat(execute(desk.signal(symbol, BigDecimal.ZERO))).as("closing " + symbol).isEqualTo("FILLED");
    }

    private static String execute(Signal signal) {
        desk.publish(Topics.SIGNALS, signal);
        return awaitOutcome(signal);
    }

    /** Like {@link #execute}, but "NONE" when the signal leaves no outcome (dropped as expired before the ledger). */
    private static String tryExecute(Signal signal) {
        desk.publish(Topics.SIGNALS, signal);
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> desk.outcome(signal.signalId()).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return "NONE";
        }
        return desk.outcome(signal.signalId()).orElseThrow();
    }

    /** Execution's outcome for this signal, from its ledger. */
    private static String awaitOutcome(Signal signal) {
        await().atMost(STEP).until(() -> desk.outcome(signal.signalId()).isPresent());
        return desk.outcome(signal.signalId()).orElseThrow();
    }

    /** The exchange holds the hedge the desk meant: spot long and perp short of the target, legs equal. */
    private static void assertHedged(String symbol) {
        ExchangeJournal journal = desk.journal().symbol(symbol);
        assertThat(journal.spotPosition()).isCloseTo(QTY, org.assertj.core.data.Offset.offset(DUST));
        assertThat(journal.delta().abs()).as("legs equal").isLessThanOrEqualTo(DUST);
        JsonNode pair = pairOf(symbol);
        assertThat(pair).as("the ledger knows the pair").isNotNull();
        assertThat(new BigDecimal(pair.path("perpQty").asString()).abs()).as("ledger perp = exchange perp")
                .isEqualByComparingTo(journal.spotPosition().subtract(journal.delta()).abs().setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** Back to flat on the exchange, nothing naked for longer than the deadline, no duplicate. */
    private static void settleFlat(String symbol, Case c) {
        await().atMost(STEP).until(() -> pairOf(symbol) == null);
        ExchangeJournal journal = desk.journal().symbol(symbol);
        c.exchange(journal, DUST);
        assertThat(journal.spotPosition().abs()).as("spot flat").isLessThanOrEqualTo(DUST);
        assertThat(journal.delta().abs()).as("no exposure left").isLessThanOrEqualTo(DUST);
        assertThat(journal.duplicates()).isZero();
        assertThat(c.nakedMs).as("naked-leg time").isLessThan(DeskUnderTest.NAKED_DEADLINE_MS);
    }

    private static JsonNode pairOf(String symbol) {
        for (JsonNode pair : DeskUnderTest.json(desk.admin("GET", "/admin/pairs", null).body())) {
            if (pair.path("symbol").asString().equals(symbol)) {
                return pair;
            }
        }
        return null;
    }

    private static int legRiskDelivered(String symbol) {
        return (int) desk.telegram().sentTo(DeskUnderTest.OPERATOR_CHAT).stream()
                .filter(m -> m.contains("LEG RISK") && m.contains(symbol)).count();
    }

    private static List<String> publishAlerts(int n, Severity severity) {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String marker = "resilience-" + UUID.randomUUID();
            desk.publish(Topics.ALERTS, Alert.of(severity, "resilience-suite", "SUITE_PROBE", "Probe " + marker, marker));
            markers.add(marker);
        }
        return markers;
    }

    /** Market data ingestion could not hand to Kafka: dropped before the producer, or failed in it. */
    private static double kafkaDrops() {
        return desk.metric(DeskConfig.INGESTION, "nova_ingestion_kafka_dropped_total")
                + desk.metric(DeskConfig.INGESTION, "nova_ingestion_kafka_send_errors_total");
    }

    private static void awaitFreshQuotes(Venue venue) {
        long from = System.currentTimeMillis();
        // Spot book tickers carry no event time: for them, arriving again is what "fresh" can mean.
        await().atMost(STEP).until(() -> desk.recorder.all(Quote.class).stream()
                .anyMatch(q -> q.venue() == venue && q.receivedAtMicros() / 1000 > from + 1_000
                        && (q.exchangeTimeMs() == 0 || q.receivedAtMicros() / 1000 - q.exchangeTimeMs() < 200)));
    }

    private static int nonIncreasingUpdateIds(List<Quote> quotes) {
        Map<String, Long> last = new java.util.HashMap<>();
        int bad = 0;
        for (Quote q : quotes) {
            Long previous = last.put(q.symbol() + q.venue(), q.updateId());
            if (previous != null && q.updateId() <= previous) {
                bad++;
            }
        }
        return bad;
    }

    private static Signal withTarget(Signal s, BigDecimal target) {
        return new Signal(UUID.randomUUID().toString(), s.symbol(), target, s.targetNotional(), s.reason(), s.expectedCarryApr(),
                s.spot(), s.perp(), s.funding(), s.decidedAtMicros(), System.currentTimeMillis() + 30_000);
    }

    private static Signal withSymbol(Signal s, String symbol) {
        return new Signal(UUID.randomUUID().toString(), symbol, s.targetBaseQty(), s.targetNotional(), s.reason(), s.expectedCarryApr(),
                s.spot(), s.perp(), s.funding(), s.decidedAtMicros(), System.currentTimeMillis() + 30_000);
    }

    private static synchronized String symbol() {
        return SYMBOLS.get(nextSymbol++);
    }

    private static String label(Venue venue) {
        return venue == Venue.SPOT ? "spot" : "futures";
    }

    private static String mask(String secret) {
        return secret.substring(0, Math.min(3, secret.length())) + "***";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the scenario frame -----------------------------------------------------------------------------------------

    /** What one scenario measured, for its row. */
    static final class Case {
        int orders;
        int duplicates;
        long nakedMs = -1;
        int alertsExpected;
        int alertsDelivered;

        void exchange(ExchangeJournal journal, BigDecimal tolerance) {
            orders = journal.count();
            duplicates = journal.duplicates();
            nakedMs = journal.count() == 0 ? -1 : journal.longestNakedMs(tolerance, System.currentTimeMillis());
        }

        void alerts(int expected, int delivered) {
            alertsExpected = expected;
            alertsDelivered = delivered;
        }
    }

    interface Body {
        void run(Case c) throws Exception;
    }

    private static void scenario(String name, String fault, Body body) {
        Case c = new Case();
        try {
            // Each scenario starts from a desk without faults, whatever the previous one left behind.
            desk.simulator("DELETE", "/admin/faults", null);
            desk.releaseKillSwitch();
            desk.telegram().outage(false);
            desk.telegram().rateLimit(Duration.ZERO);
            body.run(c);
            assertThat(c.alertsDelivered).as("alerts delivered").isEqualTo(c.alertsExpected);
            report(row(name, fault, "PASS", c));
        } catch (Throwable t) {
            String why = String.valueOf(t.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty())
                    .findFirst().orElse(t.getClass().getSimpleName());
            report(row(name, fault, "FAIL: " + why.substring(0, Math.min(120, why.length())), c));
            if (t instanceof RuntimeException || t instanceof Error) {
                throw sneaky(t);
            }
            throw new AssertionError(t);
        }
    }

    private static void report(SummaryTable.Row row) {
        TABLE.add(row);
        System.out.println("[resilience] " + row);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static SummaryTable.Row row(String name, String fault, String result, Case c) {
        return new SummaryTable.Row(name, fault, result, c.orders, c.duplicates, c.nakedMs, DeskUnderTest.NAKED_DEADLINE_MS,
                c.alertsExpected, c.alertsDelivered);
    }
}
