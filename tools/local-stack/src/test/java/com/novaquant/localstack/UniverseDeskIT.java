package com.novaquant.localstack;

import com.novaquant.events.FillEvent;
import com.novaquant.events.LegRiskEvent;
import com.novaquant.events.PairEvent;
import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The carry universe end to end, on the whole desk as {@code ./nq run --universe} starts it: the simulator lists 26
 * symbols whose funding rotates, ingestion scans them all, signal-service chooses and funds the best net carries and
 * publishes the set, ingestion subscribes to it, execution admits it, and pairs open and close as the set follows
 * the carries, every one of them hedged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UniverseDeskIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The entry threshold less the switch margin (signal-service's defaults): a member's carry never falls below. */
    private static final double STAY_CARRY_APR = 0.15 - 0.05;
    private static final double SWITCH_MARGIN_APR = 0.05;
    private static final Duration STEP = Duration.ofMinutes(3);

    static Desk desk;
    static TopicRecorder recorder;
    static final String password = UUID.randomUUID().toString();

    @BeforeAll
    static void startDesk() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent().getParent();
        Path work = Files.createTempDirectory("universe-desk");
        // At 60x a rotation of two hours of market time passes through every symbol in two minutes: members are
        // chosen, opened, outranked and closed within the test. Scans every 5 s, a short cooldown and depth window.
        Map<String, List<String>> extra = UniverseDesk.merged(
                UniverseDesk.properties(Duration.ofSeconds(5), Duration.ofHours(2)),
                Map.of(DeskConfig.SIMULATOR, List.of("--nova.simulator.clock-speed=60"),
                        DeskConfig.SIGNAL, List.of("--nova.signal.cooldown=10s", "--nova.signal.republish-interval=5s",
                                "--nova.universe.depth-window=1m")));
        DeskConfig config = new DeskConfig(repo, work, "synthetic", 0, 0, DeskConfig.freePorts(), null,
                "100001", password, extra, List.of());
        desk = new Desk(config, System.out).start(Duration.ofMinutes(4));
        recorder = new TopicRecorder(desk.kafkaClientProperties(),
                List.of(Topics.UNIVERSE, Topics.SIGNALS, Topics.EXEC_EVENTS));
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
    @Order(1)
    void theChosenSetIsTheBestNetCarriesOfEveryListedSymbolAndIsPublished() {
        await().atMost(STEP).until(() -> universe().path("revision").asLong() >= 1
                && !universe().path("members").isEmpty());
        JsonNode universe = universe();

        List<JsonNode> candidates = list(universe.path("candidates"));
        assertThat(candidates).as("every listed symbol is scanned and ranked").hasSizeGreaterThanOrEqualTo(20);
        List<JsonNode> members = list(universe.path("members"));
        assertThat(members).hasSizeLessThanOrEqualTo(UniverseDesk.SIZE);
        double weakest = members.stream().mapToDouble(m -> m.path("netCarryApr").asDouble()).min().orElseThrow();
        assertThat(weakest).as("no member's carry is under the stay level").isGreaterThanOrEqualTo(STAY_CARRY_APR);
        for (JsonNode candidate : candidates) {
            String verdict = candidate.path("verdict").asString();
            if (verdict.equals("EXCLUDED") || verdict.equals("MEMBER")) {
                continue;
            }
            double carry = candidate.path("netCarryApr").asDouble();
            assertThat(carry).as(candidate.path("symbol").asString() + " (" + verdict + ") would have replaced a member")
                    .isLessThanOrEqualTo(members.size() < UniverseDesk.SIZE ? 0.15 : weakest + SWITCH_MARGIN_APR);
        }
        assertThat(candidates).as("the liquidity filters drop the thin symbols")
                .anyMatch(c -> c.path("verdict").asString().equals("EXCLUDED"));

        Set<String> chosen = members.stream().map(m -> m.path("symbol").asString()).collect(Collectors.toSet());
        long revision = universe.path("revision").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.all(UniverseSelection.class).stream()
                .anyMatch(u -> u.revision() >= revision));
        UniverseSelection published = recorder.all(UniverseSelection.class).stream()
                .filter(u -> u.revision() == revision).findFirst().orElseThrow();
        assertThat(published.members()).extracting(UniverseSelection.Member::symbol)
                .containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(published.tracked()).containsAll(chosen);
        assertThat(published.members()).allSatisfy(m -> assertThat(m.notional()).isPositive());
    }

    @Test
    @Order(2)
    void pairsOpenOnChosenSymbolsOnly() {
        await().atMost(STEP).until(() -> openedSymbols().size() >= 2);
        Set<String> everMember = recorder.all(UniverseSelection.class).stream()
                .flatMap(u -> u.members().stream()).map(UniverseSelection.Member::symbol).collect(Collectors.toSet());
        assertThat(everMember).containsAll(openedSymbols());
    }

    @Test
    @Order(3)
    void asTheCarriesRotateAPairWhoseSymbolLeftIsClosedThroughASignalAndAnotherOpens() {
        await().atMost(Duration.ofMinutes(5)).until(() -> !closedAfterLeaving().isEmpty());
        String left = closedAfterLeaving().iterator().next();
        assertThat(recorder.all(UniverseSelection.class)).as(left + " left the published universe")
                .anyMatch(u -> u.left().stream().anyMatch(d -> d.symbol().equals(left)));
        assertThat(recorder.all(Signal.class)).as("its close was decided because it left")
                .anyMatch(s -> s.symbol().equals(left) && s.reason() == Signal.Reason.LEFT_UNIVERSE
                        && s.targetBaseQty().signum() == 0);
        assertThat(recorder.all(UniverseSelection.class).stream().map(UniverseSelection::revision).distinct().count())
                .as("the set changed as the carries rotated").isGreaterThanOrEqualTo(2);
        await().atMost(STEP).until(() -> openedSymbols().size() >= 3);
    }

    @Test
    @Order(4)
    void nothingIsLeftUnhedged() {
        Map<String, BigDecimal> lots = coarserLots();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Map<String, BigDecimal> spot = netQuantity(Venue.SPOT);
            Map<String, BigDecimal> perp = netQuantity(Venue.USDM);
            Set<String> symbols = new HashSet<>(spot.keySet());
            symbols.addAll(perp.keySet());
            for (String symbol : symbols) {
                // What one leg holds beyond the other is less than a lot of the coarser venue: the legs are sized
                // to the coarser lot, and a spot buy's commission taken in coins is bought on top, rounded up.
                BigDecimal unhedged = spot.getOrDefault(symbol, BigDecimal.ZERO).add(perp.getOrDefault(symbol, BigDecimal.ZERO));
                assertThat(unhedged.abs()).as(symbol + ": spot held less perpetual short, against the coarser lot " + lots.get(symbol)).isLessThan(lots.get(symbol));
            }
        });
        assertThat(recorder.all(LegRiskEvent.class)).as("no leg was ever left alone").isEmpty();
        assertThat(admin("/admin/status").path("killSwitch").path("deskMode").asString()).as("the desk never halted")
                .isEqualTo("TRADING");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Set<String> openedSymbols() {
        return recorder.all(PairEvent.class).stream().filter(p -> p.state().equals("OPEN"))
                .map(PairEvent::symbol).collect(Collectors.toSet());
    }

    /** Symbols whose pair was closed after a LEFT_UNIVERSE signal for them. */
    private static Set<String> closedAfterLeaving() {
        Set<String> leaving = recorder.all(Signal.class).stream()
                .filter(s -> s.reason() == Signal.Reason.LEFT_UNIVERSE).map(Signal::symbol).collect(Collectors.toSet());
        return recorder.all(PairEvent.class).stream()
                .filter(p -> p.state().equals("CLOSED") && leaving.contains(p.symbol()))
                .map(PairEvent::symbol).collect(Collectors.toSet());
    }

    /**
     * Per symbol, the quantity held from the venue's fills: bought less sold, less any commission paid in the base
     * asset (spot takes a buy's commission from the coins bought, which execution buys on top).
     */
    private static Map<String, BigDecimal> netQuantity(Venue venue) {
        Map<String, BigDecimal> net = new HashMap<>();
        for (FillEvent fill : recorder.all(FillEvent.class)) {
            if (fill.venue() == venue) {
                BigDecimal signed = fill.side() == Side.BUY ? fill.quantity() : fill.quantity().negate();
                String base = fill.symbol().substring(0, fill.symbol().length() - "USDT".length());
                if (base.equals(fill.feeAsset())) {
                    signed = signed.subtract(fill.fee());
                }
                net.merge(fill.symbol(), signed, BigDecimal::add);
            }
        }
        return net;
    }

    /**
     * Every symbol's coarser lot size of its two venues, from the simulator's exchange information: each read once
     * (a request weighs up to 20, and the simulator bans an address that spends too much, the desk's own with it).
     */
    private static Map<String, BigDecimal> coarserLots() {
        Map<String, BigDecimal> lots = new HashMap<>();
        for (String path : List.of("/spot/api/v3/exchangeInfo", "/futures/fapi/v1/exchangeInfo")) {
            HttpResponse<String> response = DeskHttp.send("GET", "http://localhost:"
                    + desk.config().port(DeskConfig.SIMULATOR) + path, null, null);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            for (JsonNode symbol : JSON.readTree(response.body()).path("symbols")) {
                for (JsonNode filter : symbol.path("filters")) {
                    if (filter.path("filterType").asString().equals("LOT_SIZE")) {
                        lots.merge(symbol.path("symbol").asString(),
                                new BigDecimal(filter.path("stepSize").asString()), BigDecimal::max);
                    }
                }
            }
        }
        return lots;
    }

    private static JsonNode universe() {
        return get(desk.config().port(DeskConfig.SIGNAL), "/admin/universe");
    }

    private static JsonNode admin(String path) {
        return get(desk.config().port(DeskConfig.EXECUTION), path);
    }

    private static JsonNode get(int port, String path) {
        String basic = Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = DeskHttp.send("GET", "http://localhost:" + port + path, null, "Basic " + basic);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }
}
