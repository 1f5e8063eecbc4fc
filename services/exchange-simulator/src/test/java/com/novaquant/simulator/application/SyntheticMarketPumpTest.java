package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.source.FundingRegime;
import com.novaquant.simulator.domain.source.SyntheticMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The pump's pacing when its rate changes while it runs. Steps are counted where the pump publishes them (one spot
 * book change per symbol and step); each window waits, up to a deadline, for a number of steps and measures the time
 * they took. The pump never runs ahead of its schedule, so the steps in a window are at most rate × time (plus the
 * one step that may be under way when the window opens): that bound is exact, and what scheduling can only lower.
 */
class SyntheticMarketPumpTest {

    static final FundingRegime REGIME = new FundingRegime(new BigDecimal("0.0001"),
            Duration.ofSeconds(30), Duration.ofMinutes(10), new BigDecimal("0.0015"),
            Duration.ofHours(2), Duration.ofHours(1), new BigDecimal("-0.0003"));

    final AtomicLong steps = new AtomicLong();
    SyntheticMarketPump pump;

    SyntheticMarketPump pump(double ratePerSecond) {
        Instrument btc = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"), TestRules.SPOT, TestRules.FUTURES,
                Duration.ofHours(8));
        Markets markets = new Markets(List.of(new SymbolMarket(btc, new BigDecimal("0.0001"))));
        FuturesUserEvents none = new SilentUserEvents();
        SimulationClock clock = new SimulationClock(1);
        TestExchange exchange = TestExchange.of(markets, List.of(), new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("0.0002"), new BigDecimal("0.0005")), clock, none, new FundingHistory());
        MarketListener counter = (market, venue) -> {
            if (venue == Venue.SPOT) {
                steps.incrementAndGet();
            }
        };
        return new SyntheticMarketPump(new SyntheticMarket(markets.instruments(), 7, 5, REGIME), markets, exchange.restingOrders(), counter,
                clock, ratePerSecond);
    }

    @BeforeEach
    void setUp() {
        pump = pump(20);
    }

    @AfterEach
    void tearDown() {
        pump.close();
    }

    /** Steps counted in a window and the seconds it lasted. */
    record Window(long steps, double seconds) {

        double perSecond() {
            return steps / seconds;
        }

        /** At most the steps the rate allows in the window, plus one under way when it opened. */
        long allowedAt(double rate) {
            return (long) (rate * seconds) + 1;
        }
    }

    /** Waits (up to the deadline) for {@code count} more steps, starting the window before {@code change} runs. */
    Window window(String what, long count, Duration deadline, Runnable change) {
        long from = steps.get();
        long start = System.nanoTime();
        change.run();
        await(count + " steps " + what).atMost(deadline).pollInterval(Duration.ofMillis(1))
                .until(() -> steps.get() - from >= count);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Window(steps.get() - from, seconds);
    }

    @Test
    void aRateRaisedWhileRunningPacesTheStepsAtTheNewRateFromTheChangeOnAndALoweredOneDoesNotStall() {
        pump.start();

        Window slow = window("at 20/s", 10, Duration.ofSeconds(5), () -> { });
        assertThat(slow.steps()).isLessThanOrEqualTo(slow.allowedAt(20));

        Window fast = window("after setRate(2000)", 1000, Duration.ofSeconds(10), () -> pump.setRate(2000));
        // At 2,000/s the same pump steps (at least) an order of magnitude faster than at 20/s...
        assertThat(fast.perSecond()).isGreaterThan(10 * slow.perSecond());
        // ... and never faster than the new rate: no burst to catch up the schedule it had before.
        assertThat(fast.steps()).isLessThanOrEqualTo(fast.allowedAt(2000));

        // Back at 20/s the steps come on at once at that rate (the wait has a deadline): no stall, no burst.
        Window slowAgain = window("after setRate(20)", 5, Duration.ofSeconds(5), () -> pump.setRate(20));
        assertThat(slowAgain.steps()).isLessThanOrEqualTo(slowAgain.allowedAt(20));
        assertThat(pump.rate()).isEqualTo(20);
    }

    @Test
    void theRateReadsWhatWasSet() {
        assertThat(pump.rate()).isEqualTo(20);

        pump.setRate(12_500);

        assertThat(pump.rate()).isEqualTo(12_500);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aRateThatIsNotPositiveAndFiniteIsRefusedAndChangesNothing(double rate) {
        assertThatThrownBy(() -> pump.setRate(rate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> pump(rate)).isInstanceOf(IllegalArgumentException.class);

        assertThat(pump.rate()).isEqualTo(20);
    }
}
