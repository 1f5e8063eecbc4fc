package com.novaquant.simulator.it;

import com.novaquant.history.DemoCoin;
import com.novaquant.history.DemoData;
import com.novaquant.history.FundingRecord;
import com.novaquant.history.Market;
import com.novaquant.simulator.ExchangeSimulatorApplication;
import com.novaquant.simulator.it.HistoryFiles.Touch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The simulator playing a generated two-day mirror of BTCUSDT and SOLUSDT at 120 history minutes per wall second (an
 * 8-hour funding interval in 4 s), checked through the real HTTP API and stream against the files themselves.
 * Whatever the moment a check runs, it reads the history time before and after, and expects what the files say for
 * that window (a minute or so of history may pass between two requests).
 */
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.source=history",
                "nova.simulator.symbols=BTCUSDT,SOLUSDT",
                "nova.simulator.history.speed=120",
                "nova.simulator.history.from=2024-03",
                "nova.simulator.history.half-spread=0.0002"
        })
class HistorySourceIT {

    static final Path MIRROR = Path.of("target", "history-source-it");
    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final double HISTORY_MS_PER_WALL_MS = 120 * 60;
    /** How far the books may trail the clock in history time: the source sleeps between minutes and may wake late. */
    static final long LAG_MS = 10 * HistoryFiles.MINUTE_MS;
    static final BigDecimal BTC_SPOT_TICK = new BigDecimal("0.01");
    static final BigDecimal BTC_FUTURES_TICK = new BigDecimal("0.10");
    static HistoryFiles files;

    @LocalServerPort
    int port;
    SignedHttp http;

    @DynamicPropertySource
    static void mirror(DynamicPropertyRegistry registry) {
        List<DemoCoin> coins = DemoCoin.twelve().stream()
                .filter(coin -> coin.symbol().equals("BTCUSDT") || coin.symbol().equals("SOLUSDT")).toList();
        DemoData.write(MIRROR, new DemoData.Spec(coins, MARCH, MARCH, 2, 20_240_301L));
        files = new HistoryFiles(MIRROR, MARCH, new BigDecimal("0.0002"));
        registry.add("nova.simulator.history.dir", () -> MIRROR.toAbsolutePath().toString());
    }

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
    }

    @Test
    void adminStatusReportsThePlanAndHistoryTimeMovingOn() {
        JsonNode first = status();

        assertThat(first.get("symbols").toString()).isEqualTo("[\"BTCUSDT\",\"SOLUSDT\"]");
        assertThat(first.get("from").asString()).isEqualTo("2024-03");
        assertThat(first.get("to").asString()).isEqualTo("2024-03");
        assertThat(first.get("startTime").asString()).isEqualTo("2024-03-01T00:01:00Z");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> status().get("minutesPlayed").asLong() > first.get("minutesPlayed").asLong());
    }

    @Test
    void booksStandAtTheFilesClosesLessAndPlusTheHalfSpreadOnBothVenues() {
        long before = historyNow();
        JsonNode spot = http.get("/spot/api/v3/ticker/bookTicker?symbol=BTCUSDT").body();
        JsonNode futures = http.get("/futures/fapi/v1/ticker/bookTicker?symbol=BTCUSDT").body();
        long after = historyNow();

        assertThat(files.touchesClosing(Market.SPOT, "BTCUSDT", BTC_SPOT_TICK, before - LAG_MS, after))
                .contains(Touch.of(spot.get("bidPrice").asString(), spot.get("askPrice").asString()));
        assertThat(files.touchesClosing(Market.USDM, "BTCUSDT", BTC_FUTURES_TICK, before - LAG_MS, after))
                .contains(Touch.of(futures.get("bidPrice").asString(), futures.get("askPrice").asString()));
    }

    @Test
    void theBookTickerStreamCarriesEachMinutesTouchAsHistoryMovesOn() {
        List<Touch> seen = new ArrayList<>();
        try (WsProbe probe = new WsProbe(port, "/futures/public/ws/btcusdt@bookTicker")) {
            for (int i = 0; i < 5; i++) {
                JsonNode frame = SignedHttp.JSON.readTree(probe.next(Duration.ofSeconds(5)));
                seen.add(Touch.of(frame.get("b").asString(), frame.get("a").asString()));
            }
        }

        assertThat(files.touchesClosing(Market.USDM, "BTCUSDT", BTC_FUTURES_TICK, Long.MIN_VALUE, Long.MAX_VALUE))
                .containsAll(seen);
        assertThat(seen.stream().distinct().count()).as("the touch moves with the minutes").isGreaterThan(1);
    }

    @Test
    void premiumIndexShowsTheLastSettledRateAndCountsDownToTheNextRecordsTime() {
        List<FundingRecord> records = files.fundings("SOLUSDT");
        // A reading with no settlement inside its window, so that exactly one rate and one next time are right.
        Reading reading = await().atMost(Duration.ofSeconds(10)).until(this::readPremiumIndex,
                r -> records.stream().noneMatch(f -> f.calcTimeMs() > r.before() - LAG_MS && f.calcTimeMs() <= r.after()));
        FundingRecord settled = records.stream().filter(f -> f.calcTimeMs() <= reading.before() - LAG_MS).toList().getLast();
        FundingRecord next = records.stream().filter(f -> f.calcTimeMs() > reading.after()).findFirst().orElseThrow();

        assertThat(new BigDecimal(reading.premium().get("lastFundingRate").asString()))
                .isEqualByComparingTo(settled.lastFundingRate());
        long expected = reading.status().get("time").asLong()
                + Math.round((next.calcTimeMs() - reading.status().get("historyTimeMs").asLong()) / HISTORY_MS_PER_WALL_MS);
        // 25 wall milliseconds are 3 history minutes: a funding time read from the wrong record is hours away.
        assertThat(reading.premium().get("nextFundingTime").asLong()).isCloseTo(expected, within(25L));
    }

    @Test
    void aShortOpenedThroughTheApiReceivesQtyTimesMarkTimesTheFilesRateWhenAnnounced() {
        long announcedBefore = premiumIndex("SOLUSDT").get("nextFundingTime").asLong();
        SignedHttp.Reply order = http.signed("POST", "/futures/fapi/v1/order", "symbol=SOLUSDT&side=SELL&type=MARKET&quantity=10");
        long announcedAfter = premiumIndex("SOLUSDT").get("nextFundingTime").asLong();
        assertThat(order.status()).as(order.body().toString()).isEqualTo(200);

        JsonNode income = await().atMost(Duration.ofSeconds(15)).until(this::fundingIncome, list -> !list.isEmpty()).getFirst();
        long time = income.get("time").asLong();
        JsonNode settlement = elements(http.get("/futures/fapi/v1/fundingRate?symbol=SOLUSDT").body()).stream()
                .filter(entry -> entry.get("fundingTime").asLong() == time).findFirst().orElseThrow();
        BigDecimal rate = new BigDecimal(settlement.get("fundingRate").asString());
        BigDecimal mark = new BigDecimal(settlement.get("markPrice").asString());

        assertThat(files.fundings("SOLUSDT")).as("a record settling at %s with the close of the minute ending then, %s", rate, mark)
                .anySatisfy(record -> {
                    assertThat(record.lastFundingRate()).isEqualByComparingTo(rate);
                    assertThat(files.closeEndingAt(Market.USDM, "SOLUSDT", record.calcTimeMs())).hasValueSatisfying(
                            close -> assertThat(close).isEqualByComparingTo(mark));
                });
        assertThat(new BigDecimal(income.get("income").asString()))
                .isEqualByComparingTo(BigDecimal.TEN.multiply(mark).multiply(rate).setScale(8, RoundingMode.HALF_EVEN));
        assertThat(time).satisfiesAnyOf(
                t -> assertThat(t).isCloseTo(announcedBefore, within(500L)),
                t -> assertThat(t).isCloseTo(announcedAfter, within(500L)));
    }

    /** premiumIndex between two status readings. */
    record Reading(long before, JsonNode premium, JsonNode status, long after) {
    }

    Reading readPremiumIndex() {
        long before = historyNow();
        JsonNode premium = premiumIndex("SOLUSDT");
        JsonNode after = status();
        return new Reading(before, premium, after, after.get("historyTimeMs").asLong());
    }

    JsonNode status() {
        SignedHttp.Reply reply = http.admin("GET", "/admin/history", null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    long historyNow() {
        return status().get("historyTimeMs").asLong();
    }

    JsonNode premiumIndex(String symbol) {
        return http.get("/futures/fapi/v1/premiumIndex?symbol=" + symbol).body();
    }

    List<JsonNode> fundingIncome() {
        return elements(http.signed("GET", "/futures/fapi/v1/income", "symbol=SOLUSDT&incomeType=FUNDING_FEE").body());
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
