package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The funding clock on a clock that stands still unless advanced: market time at 15:00 UTC, 8-hour funding. */
class FundingClockTest {

    static final long WALL = Instant.parse("2026-11-25T15:00:00Z").toEpochMilli();

    final SimulationClock clock = new SimulationClock(1, () -> WALL, () -> 0L);
    final FundingHistory history = new FundingHistory();
    final FundingClock fundingClock = fundingClock();

    FundingClock fundingClock() {
        SymbolMarket market = new SymbolMarket(new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"),
                TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)), new BigDecimal("0.0001"));
        Markets markets = new Markets(List.of(market));
        PaperAccount account = new PaperAccount("key", "secret", new SpotAccount(Map.of()),
                new FuturesAccount(new BigDecimal("10000"), 10));
        TestExchange exchange = TestExchange.of(markets, List.of(account), new FeeSchedule(new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("0.0002"), new BigDecimal("0.0005")), clock,
                new SilentUserEvents(), history);
        return new FundingClock(clock, exchange.funding(), markets, new SimpleMeterRegistry());
    }

    @Test
    void advancingMarketTimePastAFundingInstantSettlesItAtOnce() {
        int settled = fundingClock.advanceMarketTime(Duration.ofHours(2).toMillis());

        assertThat(settled).isEqualTo(1);
        assertThat(history.lastRate("BTCUSDT")).isEqualByComparingTo("0.0001");
        assertThat(clock.marketMillis()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z").toEpochMilli());
        assertThat(clock.wallMillis()).as("wall time is untouched").isEqualTo(WALL);
        // Market time is 2 h ahead of the wall now: the 00:00 settlement falls at 22:00 wall time.
        assertThat(Instant.ofEpochMilli(fundingClock.nextFundingWallTime("BTCUSDT")))
                .isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
    }

    @Test
    void advancingShortOfTheNextFundingInstantSettlesNothing() {
        assertThat(fundingClock.advanceMarketTime(Duration.ofMinutes(59).toMillis())).isZero();
        assertThat(fundingClock.advanceMarketTime(0)).isZero();
        assertThat(history.lastRate("BTCUSDT")).isNull();
    }
}
