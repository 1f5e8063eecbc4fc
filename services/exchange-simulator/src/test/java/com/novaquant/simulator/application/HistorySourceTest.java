package com.novaquant.simulator.application;

import com.novaquant.history.FundingRecord;
import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.source.HistoryBooks;
import com.novaquant.simulator.domain.source.HistoryMinute;
import com.novaquant.simulator.domain.source.RecordedFundings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history source on a clock the test moves: five minutes from 07:57 to 08:02 and a funding at 08:00, played at 60
 * history minutes per wall second (3,600 history milliseconds per wall millisecond).
 */
class HistorySourceTest {

    static final String KEY = "key";
    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final double SPEED = 3_600;

    final AtomicLong wall = new AtomicLong(Instant.parse("2026-05-01T12:00:00Z").toEpochMilli());
    final AtomicLong nanos = new AtomicLong();
    final SimulationClock clock = new SimulationClock(SPEED, wall::get, nanos::get);
    SymbolMarket market;
    TestExchange exchange;
    FundingClock fundingClock;
    HistorySource source;

    static long at(String hhmm) {
        return Instant.parse("2024-03-01T" + hhmm + ":00Z").toEpochMilli();
    }

    static List<HistoryMinute> minutes(String... closes) {
        return IntStream.range(0, closes.length)
                .mapToObj(i -> new HistoryMinute(at("07:57") + i * HistoryMinute.LENGTH_MS, new BigDecimal(closes[i]),
                        new BigDecimal("10")))
                .toList();
    }

    @BeforeEach
    void setUp() {
        market = new SymbolMarket(new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"), TestRules.SPOT,
                TestRules.FUTURES, Duration.ofHours(8)), new BigDecimal("0.0001"));
        Markets markets = new Markets(List.of(market));
        PaperAccount account = new PaperAccount(KEY, "secret", new SpotAccount(Map.of("USDT", new BigDecimal("10000"))),
                new FuturesAccount(new BigDecimal("10000"), 10));
        exchange = TestExchange.of(markets, List.of(account), new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("0.0002"), new BigDecimal("0.0005")), clock, new SilentUserEvents(), new FundingHistory());
        fundingClock = new FundingClock(clock, exchange.funding(), markets, new SimpleMeterRegistry());
    }

    HistorySource start(boolean loop) {
        List<HistoryMinute> usdm = minutes("100.0", "101.0", "102.0", "103.0", "104.0");
        List<HistoryMinute> spot = minutes("99.90", "100.90", "101.90", "102.90", "103.90");
        SymbolTape tape = new SymbolTape(market, new MinuteTape(month -> spot, MARCH, MARCH),
                new MinuteTape(month -> usdm, MARCH, MARCH),
                new RecordedFundings(List.of(new FundingRecord(at("00:00"), 8, new BigDecimal("0.0001")),
                        new FundingRecord(at("08:00"), 8, new BigDecimal("0.0003")))),
                new HistoryBooks(BigDecimal.ZERO, 1));
        HistoryPlan plan = new HistoryPlan(Path.of("mirror"), List.of("BTCUSDT"), MARCH, MARCH, SPEED / 60, loop);
        source = new HistorySource(plan, List.of(tape), List.of(), clock, exchange.restingOrders(), (changed, venue) -> { }, fundingClock);
        source.start();
        return source;
    }

    /** Moves the wall, and so history, on by {@code historyMillis} (rounded up to a wall millisecond). */
    void pass(long historyMillis) {
        long wallMillis = (long) Math.ceil(historyMillis / SPEED);
        wall.addAndGet(wallMillis);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(wallMillis));
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void playBeginsAtTheFirstCloseShowingTheRateSettledBeforeAndCountingDownToTheNextRecord() {
        long startWall = wall.get();
        start(false);

        assertThat(clock.marketMillis()).isEqualTo(at("07:58"));
        assertThat(market.markPrice()).isEqualByComparingTo("100.0");
        assertThat(market.fundingRate()).isEqualByComparingTo("0.0001");
        // Two history minutes to 08:00 are 120,000 / 3,600 = 33.3 wall milliseconds, rounded up.
        assertThat(fundingClock.nextFundingWallTime("BTCUSDT")).isEqualTo(startWall + 34);
        assertThat(source.status().minutesPlayed()).isZero();
    }

    @Test
    void aShortPositionReceivesTheFilesRateAtTheMarkOfTheMinuteClosingAtTheFunding() {
        start(false);
        exchange.orders().place(KEY, new OrderRequest(Venue.USDM, "BTCUSDT", Side.SELL, OrderType.MARKET, null,
                new BigDecimal("2.000"), null, null, null, false), BigDecimal.ONE);

        pass(150_000);

        await().atMost(Duration.ofSeconds(5)).until(() -> !fundingIncome().isEmpty());
        // 2 BTC short x 102.0, the close of the minute ending at 08:00, x 0.0003: received.
        assertThat(fundingIncome()).singleElement().extracting(IncomeRecord::income)
                .satisfies(income -> assertThat(income).isEqualByComparingTo("0.0612"));
        assertThat(market.fundingRate()).isEqualByComparingTo("0.0003");
        assertThat(fundingClock.nextFundingWallTime("BTCUSDT")).isEqualTo(clock.wallMillisAt(at("16:00")));
        assertThat(fundingClock.settleDue()).as("the fixed schedule leaves the symbol to its source").isZero();
    }

    @Test
    void atTheEndOfTheFilesTheMarketStaysAtTheLastCloseAndTheStatusSaysSo() {
        start(false);

        pass(Duration.ofMinutes(30).toMillis());

        await().atMost(Duration.ofSeconds(5)).until(() -> source.status().finished());
        HistoryStatus status = source.status();
        assertThat(status.historyTimeMs()).isEqualTo(at("08:02"));
        assertThat(status.minutesPlayed()).isEqualTo(4);
        assertThat(status.lap()).isEqualTo(1);
        assertThat(market.markPrice()).isEqualByComparingTo("104.0");
    }

    @Test
    void withLoopTheFirstMinuteFollowsTheLastAndTheFundingsComeAgainOneLapLater() {
        start(true);

        // The last close is at 08:02, the next lap's first one a minute later: 08:03, five minutes after the start.
        pass(Duration.ofMinutes(5).toMillis() + 10_000);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(source.status().lap()).isEqualTo(2);
            assertThat(market.markPrice()).isEqualByComparingTo("100.0");
        });
        assertThat(market.fundingRate()).isEqualByComparingTo("0.0001");
        assertThat(fundingClock.nextFundingWallTime("BTCUSDT")).isEqualTo(clock.wallMillisAt(at("08:05")));
        assertThat(source.status().historyTimeMs()).isBetween(at("07:58"), at("07:59"));
    }

    List<IncomeRecord> fundingIncome() {
        return exchange.accounts().income(KEY).stream().filter(r -> r.incomeType().equals("FUNDING_FEE")).toList();
    }
}
