package com.novaquant.ingestion.domain;

import com.novaquant.events.Quote;
import com.novaquant.events.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRulesTest {

    static Quote quote(String bid, String bidQty, String ask) {
        return new Quote("BTCUSDT", Venue.SPOT, new BigDecimal(bid), new BigDecimal(bidQty), new BigDecimal(ask),
                BigDecimal.ONE, 1, 0, 1);
    }

    @Test
    void saneQuotePasses() {
        assertThat(QuoteCheck.of(quote("100.1", "0", "100.2"))).isEqualTo(QuoteCheck.OK);
    }

    @Test
    void crossedAndLockedBooksAreRefused() {
        assertThat(QuoteCheck.of(quote("100.3", "1", "100.2"))).isEqualTo(QuoteCheck.CROSSED_BOOK);
        assertThat(QuoteCheck.of(quote("100.2", "1", "100.20"))).isEqualTo(QuoteCheck.CROSSED_BOOK);
    }

    @Test
    void zeroOrNegativePricesAndNegativeQuantitiesAreRefused() {
        assertThat(QuoteCheck.of(quote("0", "1", "100.2"))).isEqualTo(QuoteCheck.NON_POSITIVE_PRICE);
        assertThat(QuoteCheck.of(quote("-1", "1", "100.2"))).isEqualTo(QuoteCheck.NON_POSITIVE_PRICE);
        assertThat(QuoteCheck.of(quote("100.1", "-1", "100.2"))).isEqualTo(QuoteCheck.NEGATIVE_QUANTITY);
    }

    @Test
    void clockOffsetIsTheServerTimeAgainstTheRequestMidpoint() {
        ClockOffset offset = ClockOffset.measure(1_000, 1_560, 1_020);
        assertThat(offset.offsetMillis()).isEqualTo(550);
        assertThat(offset.roundTripMillis()).isEqualTo(20);
        // received at local 2000 ms = exchange 2550 ms; stamped at exchange 2300 ms: 250 ms late.
        assertThat(offset.lagMillis(2_000_000, 2_300)).isEqualTo(250);
    }

    @Test
    void lagMustHoldForTheWholeWindowBeforeItCounts() {
        SustainedCondition lag = new SustainedCondition();
        lag.observe(true, 0);
        lag.observe(true, 400);
        assertThat(lag.sustainedFor(500, 499)).isFalse();
        assertThat(lag.sustainedFor(500, 500)).isTrue();
        lag.observe(false, 501);
        lag.observe(true, 502);
        assertThat(lag.sustainedFor(500, 900)).as("one timely frame restarts the window").isFalse();
    }

    @Test
    void stormIsReportedOnceWhenThresholdReconnectsFallInTheWindow() {
        ReconnectStormDetector storm = new ReconnectStormDetector(3, 1_000);
        assertThat(storm.onReconnect(0)).isFalse();
        assertThat(storm.onReconnect(100)).isFalse();
        assertThat(storm.onReconnect(200)).isTrue();
        assertThat(storm.onReconnect(300)).as("reported once").isFalse();
        assertThat(storm.onReconnect(5_000)).isFalse();
        assertThat(storm.onReconnect(5_100)).isFalse();
        assertThat(storm.onReconnect(5_200)).as("re-armed after the storm passed").isTrue();
    }

    @Test
    void reconnectsSpreadOutsideTheWindowAreNoStorm() {
        ReconnectStormDetector storm = new ReconnectStormDetector(3, 1_000);
        assertThat(storm.onReconnect(0)).isFalse();
        assertThat(storm.onReconnect(900)).isFalse();
        assertThat(storm.onReconnect(1_950)).isFalse();
    }

    @Test
    void throttleLetsOneAlertPerKeyThroughPerWindow() {
        AlertThrottle throttle = new AlertThrottle(1_000);
        assertThat(throttle.tryRaise("FEED_LAG:spot-0", 0)).isTrue();
        assertThat(throttle.tryRaise("FEED_LAG:spot-0", 500)).isFalse();
        assertThat(throttle.tryRaise("FEED_LAG:usdm-public-0", 500)).isTrue();
        assertThat(throttle.tryRaise("FEED_LAG:spot-0", 1_000)).isTrue();
    }
}
