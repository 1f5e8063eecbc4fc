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
    void lagIsTheReceiveInstantOnTheExchangesClockAgainstTheEventTime() {
        ClockOffset offset = new ClockOffset(550, 20);
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

    @Test
    void stormLastsWhileTheWindowHoldsTheThresholdsReconnects() {
        ReconnectStormDetector storm = new ReconnectStormDetector(3, 1_000);
        storm.onReconnect(0);
        storm.onReconnect(100);
        assertThat(storm.storming(150)).isFalse();
        storm.onReconnect(200);
        assertThat(storm.storming(1_000)).isTrue();
        assertThat(storm.storming(1_001)).as("the first one left the window").isFalse();
    }

    @Test
    void lagReconnectsOnceThenDegradesWithADoublingBoundedBackoffUntilLagFreeForTheHealTime() {
        LagRemedy lag = new LagRemedy(30, 100, 10);
        assertThat(lag.onLag(0)).isEqualTo(LagRemedy.Action.RECONNECT);
        assertThat(lag.degraded()).isFalse();
        assertThat(lag.onLag(5)).as("the lag came back on the new connection").isEqualTo(LagRemedy.Action.DEGRADE);
        assertThat(lag.degraded()).isTrue();
        assertThat(lag.onLag(34)).isEqualTo(LagRemedy.Action.WAIT);
        assertThat(lag.onLag(35)).isEqualTo(LagRemedy.Action.RECONNECT);
        assertThat(lag.onLag(40)).isEqualTo(LagRemedy.Action.DEGRADE);
        assertThat(lag.onLag(99)).as("60 now").isEqualTo(LagRemedy.Action.WAIT);
        assertThat(lag.onLag(100)).isEqualTo(LagRemedy.Action.RECONNECT);
        assertThat(lag.onLag(101)).isEqualTo(LagRemedy.Action.DEGRADE);
        assertThat(lag.onLag(200)).as("120, capped at 100").isEqualTo(LagRemedy.Action.WAIT);
        assertThat(lag.onLag(201)).isEqualTo(LagRemedy.Action.RECONNECT);
        assertThat(lag.degraded()).as("still degraded until lag-free for the heal time").isTrue();

        assertThat(lag.onLagFree(202)).isFalse();
        lag.onDown();
        assertThat(lag.onLagFree(205)).as("a lag-free spell needs the connection up").isFalse();
        assertThat(lag.onLagFree(214)).isFalse();
        assertThat(lag.onLagFree(215)).as("lag-free for the heal time ends the degraded spell").isTrue();
        assertThat(lag.degraded()).isFalse();
        assertThat(lag.onLag(300)).as("the episode is over: reconnect at once").isEqualTo(LagRemedy.Action.RECONNECT);
        assertThat(lag.onLag(301)).isEqualTo(LagRemedy.Action.DEGRADE);
        assertThat(lag.onLag(330)).as("the back-off started again at 30").isEqualTo(LagRemedy.Action.WAIT);
        assertThat(lag.onLag(331)).isEqualTo(LagRemedy.Action.RECONNECT);
    }

    @Test
    void aCuredLagIsForgottenAfterTheHealTime() {
        LagRemedy lag = new LagRemedy(30, 100, 10);
        lag.onLag(0);
        assertThat(lag.onLagFree(1)).isFalse();
        assertThat(lag.onLagFree(11)).as("not degraded, nothing to report").isFalse();
        assertThat(lag.onLag(50)).as("a new episode reconnects at once").isEqualTo(LagRemedy.Action.RECONNECT);
    }

    @Test
    void deliberateReconnectsOfAWorkingConnectionGoAtOnceAndOnlyFailuresBackOff() {
        ReconnectBackoff backoff = new ReconnectBackoff(100, 1_000, 10_000);
        assertThat(backoff.delayNanos(false, 0, 1.0)).as("a failed first attempt").isEqualTo(100);
        assertThat(backoff.delayNanos(false, 0, 0.0)).as("[d/2, d]").isEqualTo(100);
        assertThat(backoff.delayNanos(false, 0, 1.0)).isEqualTo(400);
        backoff.onConnected(1_000);
        assertThat(backoff.delayNanos(true, 2_000, 1.0)).as("deliberate, the session was up").isZero();
        assertThat(backoff.failures()).as("not grown").isEqualTo(3);
        assertThat(backoff.delayNanos(true, 2_000, 1.0)).as("deliberate but never connected: a failure").isEqualTo(800);
        assertThat(backoff.delayNanos(false, 2_000, 1.0)).as("capped").isEqualTo(1_000);
        backoff.onHealthy();
        assertThat(backoff.delayNanos(false, 3_000, 1.0)).as("healthy for the heal time: first step again").isEqualTo(100);
        backoff.onConnected(10_000);
        backoff.delayNanos(false, 10_001, 1.0);
        backoff.onConnected(20_000);
        assertThat(backoff.delayNanos(false, 30_000, 1.0)).as("a session of stable-after: first step again").isEqualTo(100);
    }

    @Test
    void aGateClosesAtOnceLiftsAfterTheHealTimeWithoutABreakAndEscalatesOncePerClosing() {
        SymbolGate gate = new SymbolGate(10, 100, 0);
        assertThat(gate.gated()).isTrue();
        assertThat(gate.reason()).isEqualTo(SymbolGate.STARTING);
        assertThat(gate.observe(null, true, 1)).isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.observe(null, false, 5)).as("not healthy: the heal starts again").isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.observe(null, true, 6)).isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.observe(null, true, 15)).isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.observe(null, true, 16)).isEqualTo(SymbolGate.Change.LIFTED);
        assertThat(gate.gated()).isFalse();
        assertThat(gate.observe(null, false, 17)).as("no problem, just not healthy: stays open").isEqualTo(SymbolGate.Change.NONE);

        assertThat(gate.observe("lag", false, 20)).isEqualTo(SymbolGate.Change.CLOSED);
        assertThat(gate.reason()).isEqualTo("lag");
        assertThat(gate.observe("silence", false, 30)).as("already closed").isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.reason()).as("the reason it closed for").isEqualTo("lag");
        assertThat(gate.observe("lag", false, 119)).isEqualTo(SymbolGate.Change.NONE);
        assertThat(gate.observe("lag", false, 120)).isEqualTo(SymbolGate.Change.ESCALATED);
        assertThat(gate.observe("lag", false, 500)).as("once").isEqualTo(SymbolGate.Change.NONE);
        gate.observe(null, true, 501);
        assertThat(gate.observe(null, true, 511)).isEqualTo(SymbolGate.Change.LIFTED);
        assertThat(gate.reason()).as("what it was lifted after").isEqualTo("lag");
        gate.observe("down", false, 600);
        assertThat(gate.observe("down", false, 700)).as("a new closing escalates again").isEqualTo(SymbolGate.Change.ESCALATED);
    }
}
