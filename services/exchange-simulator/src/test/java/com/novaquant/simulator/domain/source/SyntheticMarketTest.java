package com.novaquant.simulator.domain.source;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.market.Instrument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMarketTest {

    static final FundingRegime REGIME = new FundingRegime(new BigDecimal("0.0001"),
            Duration.ofSeconds(30), Duration.ofMinutes(10), new BigDecimal("0.0015"),
            Duration.ofHours(2), Duration.ofHours(1), new BigDecimal("-0.0003"));

    static List<Instrument> instruments() {
        return List.of(
                new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"), TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)),
                new Instrument("ETHUSDT", "ETH", "USDT", new BigDecimal("3200"), TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)));
    }

    static List<SyntheticTick> run(long seed, int steps) {
        SyntheticMarket market = new SyntheticMarket(instruments(), seed, 5, REGIME);
        List<SyntheticTick> ticks = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            for (int s = 0; s < market.symbolCount(); s++) {
                ticks.add(market.next(s, 1_000L, 0));
            }
        }
        return ticks;
    }

    @Test
    void sameSeedGivesTheSameBooksPricesAndRates() {
        assertThat(run(7, 200)).isEqualTo(run(7, 200));
    }

    @Test
    void differentSeedsGiveDifferentMarkets() {
        assertThat(run(7, 50)).isNotEqualTo(run(8, 50));
    }

    @Test
    void booksAreUncrossedWithSeveralLevelsOnTheTickGrid() {
        for (SyntheticTick tick : run(3, 500)) {
            assertThat(tick.spot().bids()).hasSize(5);
            assertThat(tick.spot().bestBid().price()).isLessThan(tick.spot().bestAsk().price());
            assertThat(tick.futures().bestBid().price()).isLessThan(tick.futures().bestAsk().price());
            assertThat(tick.spot().bestBid().price().remainder(new BigDecimal("0.01"))).isZero();
            assertThat(tick.futures().bestAsk().price().remainder(new BigDecimal("0.10"))).isZero();
            assertThat(tick.spot().bids().get(1).price()).isLessThan(tick.spot().bids().get(0).price());
        }
    }

    @Test
    void fundingFollowsTheRegimesNormalSpikeAndNegative() {
        SyntheticMarket market = new SyntheticMarket(instruments(), 1, 5, REGIME);

        BigDecimal normal = market.next(0, 0, 1_000).fundingRate();
        BigDecimal spike = market.next(0, 0, 60_000).fundingRate();
        BigDecimal negative = market.next(0, 0, Duration.ofMinutes(150).toMillis()).fundingRate();

        assertThat(normal).isBetween(new BigDecimal("0.00009"), new BigDecimal("0.00011"));
        assertThat(spike).isGreaterThan(new BigDecimal("0.001"));
        assertThat(negative).isNegative();
    }

    @Test
    void updateIdsGrowWithEveryTick() {
        List<SyntheticTick> ticks = run(5, 3);
        assertThat(ticks.get(2).spot().updateId()).isEqualTo(ticks.get(0).spot().updateId() + 1);
    }
}
