package com.novaquant.simulator.application;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticQuoteRateTest {

    final SyntheticMarketPumpTest pumps = new SyntheticMarketPumpTest();
    final SyntheticMarketPump pump = pumps.pump(10);

    @AfterEach
    void tearDown() {
        pump.close();
    }

    @Test
    void aChangeReachesTheAttachedPumpAndAnswersThePreviousRate() {
        SyntheticQuoteRate rate = new SyntheticQuoteRate("Synthetic", 10);
        rate.attach(pump);

        assertThat(rate.change(2500)).isEqualTo(10);
        assertThat(rate.change(5000)).isEqualTo(2500);

        assertThat(pump.rate()).isEqualTo(5000);
        assertThat(rate.perSecond()).isEqualTo(5000);
    }

    @Test
    void aChangeBeforeTheSourceStartsIsTheRateThePumpStartsAt() {
        SyntheticQuoteRate rate = new SyntheticQuoteRate("synthetic", 10);

        rate.change(500);
        rate.attach(pump);

        assertThat(pump.rate()).isEqualTo(500);
    }

    @Test
    void aRateOutOfBoundsIsRefusedAndChangesNothing() {
        SyntheticQuoteRate rate = new SyntheticQuoteRate("synthetic", 10);
        rate.attach(pump);

        for (double bad : new double[]{0, -5, Double.NaN, SyntheticQuoteRate.MAX_PER_SECOND + 1, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> rate.change(bad)).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(rate.perSecond()).isEqualTo(10);
        assertThat(pump.rate()).isEqualTo(10);
    }

    @Test
    void replayAndLiveSourcesHaveNoQuoteRateToChange() {
        for (String source : new String[]{"replay", "live"}) {
            SyntheticQuoteRate rate = new SyntheticQuoteRate(source, 10);

            assertThat(rate.applies()).isFalse();
            assertThatThrownBy(() -> rate.change(100)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("synthetic market source").hasMessageContaining(source);
        }
    }
}
