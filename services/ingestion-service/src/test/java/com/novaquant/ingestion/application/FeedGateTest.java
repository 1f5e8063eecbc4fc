package com.novaquant.ingestion.application;

import com.novaquant.events.FeedGate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.novaquant.ingestion.application.WatchdogHarness.ESCALATE_AFTER;
import static com.novaquant.ingestion.application.WatchdogHarness.HEAL_AFTER;
import static com.novaquant.ingestion.application.WatchdogHarness.MARKET;
import static com.novaquant.ingestion.application.WatchdogHarness.MARK_ETH;
import static com.novaquant.ingestion.application.WatchdogHarness.SPOT;
import static com.novaquant.ingestion.application.WatchdogHarness.SPOT_BTC;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-symbol feed gates: closing, healing, escalation and start-up, on a controlled clock. */
class FeedGateTest {

    final WatchdogHarness desk = new WatchdogHarness();

    static final String SPOT_DOWN = "spot connection spot-0 down for over 2s";

    @Test
    void theGateLiftsByItselfAfterTheFeedsAreHealthyForTheHealTime() {
        desk.startedAndHealthy();
        desk.connections.holding.add(SPOT);
        desk.connections.drop(SPOT);
        desk.run(Duration.ofSeconds(5));
        assertThat(desk.published).extracting(FeedGate::symbol, FeedGate::gated, FeedGate::reason).containsExactly(
                Tuple.tuple("BTCUSDT", true, SPOT_DOWN), Tuple.tuple("ETHUSDT", true, SPOT_DOWN));
        assertThat(desk.alerts).containsExactly("WARNING FEED_GATED FEED_GATED:BTCUSDT,ETHUSDT BTCUSDT, ETHUSDT GATED: "
                + SPOT_DOWN + ". No new decisions on these symbols; lifts by itself after the feeds are healthy for 10s.");
        assertThat(desk.gauge("nova.ingestion.symbol.gated", "symbol", "ETHUSDT")).isEqualTo(1);

        desk.connections.holding.clear();
        desk.run(Duration.ofSeconds(5));
        assertThat(desk.monitor.connected(SPOT)).isTrue();
        desk.connections.drop(SPOT);
        desk.run(Duration.ofSeconds(1));
        assertThat(desk.monitor.connected(SPOT)).as("back within the grace: no new problem, but the heal starts again").isTrue();
        long healingFrom = desk.nowMillis();
        desk.run(HEAL_AFTER.minusSeconds(1));
        assertThat(desk.watchdog.gated("BTCUSDT")).as("not yet healthy for the heal time").isTrue();
        desk.run(Duration.ofMillis(1500));
        assertThat(desk.watchdog.gated("BTCUSDT")).isFalse();
        assertThat(desk.watchdog.gated("ETHUSDT")).isFalse();

        FeedGate lifted = desk.feedGatesTopic.get("feed-gate:BTCUSDT");
        assertThat(lifted.gated()).isFalse();
        assertThat(lifted.reason()).isEqualTo("feeds healthy for 10s");
        assertThat(lifted.atMs() - healingFrom).isBetween(HEAL_AFTER.toMillis() - 1000, HEAL_AFTER.toMillis() + 500);
        assertThat(desk.feedGatesTopic.get("feed-gate:ETHUSDT").gated()).isFalse();
        assertThat(desk.alerts(FeedWatchdog.FEED_GATE_LIFTED)).containsExactly("INFO FEED_GATE_LIFTED "
                + "FEED_GATE_LIFTED:BTCUSDT,ETHUSDT BTCUSDT, ETHUSDT trading resumed: feeds healthy for 10s after " + SPOT_DOWN);
        assertThat(desk.gauge("nova.ingestion.symbol.gated", "symbol", "ETHUSDT")).isZero();
        assertThat(desk.gateChanges("ETHUSDT", "closed")).isEqualTo(1);
        assertThat(desk.gateChanges("ETHUSDT", "lifted")).as("after start-up, and now").isEqualTo(2);
    }

    @Test
    void aSilentSpotStreamGatesItsSymbolAndLiftsWhenFramesReturn() {
        String silence = "spot stream btcusdt@bookTicker silent for 10s on spot-0";
        desk.startedAndHealthy();
        desk.silent.add(SPOT_BTC);
        desk.run(Duration.ofSeconds(30));
        assertThat(desk.watchdog.gated("BTCUSDT")).isTrue();
        assertThat(desk.watchdog.gated("ETHUSDT")).as("its stream delivers: not its symbol").isFalse();
        assertThat(desk.reconnectsOf(SPOT)).as("a silent session is replaced after the full threshold each time")
                .hasSizeBetween(2, 3).containsOnly("stale");

        desk.silent.clear();
        desk.run(HEAL_AFTER.plusSeconds(1));
        assertThat(desk.watchdog.gated("BTCUSDT")).isFalse();
        assertThat(desk.published).extracting(FeedGate::symbol, FeedGate::gated, FeedGate::reason).containsExactly(
                Tuple.tuple("BTCUSDT", true, silence), Tuple.tuple("BTCUSDT", false, "feeds healthy for 10s"));
        assertThat(desk.alerts).containsExactly(
                "WARNING FEED_STALE FEED_STALE:spot-0 WebSocket feed stale (no data for >10000ms on spot-0). Initiating reconnection.",
                "WARNING FEED_GATED FEED_GATED:BTCUSDT BTCUSDT GATED: " + silence
                        + ". No new decisions on this symbol; lifts by itself after the feeds are healthy for 10s.",
                "INFO FEED_GATE_LIFTED FEED_GATE_LIFTED:BTCUSDT BTCUSDT trading resumed: feeds healthy for 10s after " + silence);
    }

    @Test
    void theSymbolsOfOneSilentConnectionAreGatedInOneAlert() {
        desk.startedAndHealthy();
        desk.silent.add(WatchdogHarness.MARK_BTC);
        desk.silent.add(MARK_ETH);
        desk.run(Duration.ofSeconds(11));
        assertThat(desk.alerts(FeedWatchdog.FEED_GATED)).containsExactly("WARNING FEED_GATED FEED_GATED:BTCUSDT,ETHUSDT "
                + "BTCUSDT, ETHUSDT GATED: USD-M streams btcusdt@markPrice@1s, ethusdt@markPrice@1s silent for 10s on "
                + "usdm-market-0. No new decisions on these symbols; lifts by itself after the feeds are healthy for 10s.");
    }

    @Test
    void aReconnectStormGatesWithAWarningAndNeverACritical() {
        desk.startedAndHealthy();
        for (int i = 0; i < 10; i++) {
            desk.connections.reconnect(SPOT, "stale");
            desk.run(Duration.ofMillis(500));
        }
        assertThat(desk.alerts(FeedWatchdog.FEED_RECONNECT_STORM)).as("deliberate reconnects are no storm").isEmpty();

        long firstDrop = desk.nowMillis();
        for (int i = 0; i < WatchdogHarness.STORM_THRESHOLD; i++) {
            desk.connections.drop(MARKET);
            desk.run(Duration.ofMillis(1500));
        }
        String storm = "reconnect storm on usdm-market-0: 5 reconnects within 60s";
        assertThat(desk.alerts).containsExactly(
                "WARNING FEED_RECONNECT_STORM FEED_RECONNECT_STORM:usdm-market-0 Reconnect storm: 5 reconnects within 60s on "
                        + "usdm-market-0. Its symbols are gated until the connection has been healthy for 10s.",
                "WARNING FEED_GATED FEED_GATED:BTCUSDT,ETHUSDT BTCUSDT, ETHUSDT GATED: " + storm
                        + ". No new decisions on these symbols; lifts by itself after the feeds are healthy for 10s.");

        desk.run(Duration.ofMillis(60_000 - (desk.nowMillis() - firstDrop)));
        assertThat(desk.watchdog.gated("BTCUSDT")).as("gated while the storm lasts").isTrue();
        desk.run(HEAL_AFTER.plusSeconds(1));
        assertThat(desk.watchdog.gated("BTCUSDT")).as("the storm has passed and the feeds healed").isFalse();
        assertThat(desk.alerts(FeedWatchdog.FEED_GATE_LIFTED)).singleElement().asString().endsWith("after " + storm);
        assertThat(desk.alerts).noneMatch(alert -> alert.startsWith("CRITICAL"));
    }

    @Test
    void aGateLongerThanTheEscalationTimeRaisesOneCritical() {
        String silence = "spot stream btcusdt@bookTicker silent for 10s on spot-0";
        desk.startedAndHealthy();
        desk.silent.add(SPOT_BTC);
        desk.run(ESCALATE_AFTER);
        assertThat(desk.alerts).noneMatch(alert -> alert.startsWith("CRITICAL"));
        desk.run(Duration.ofSeconds(11));
        assertThat(desk.alerts(FeedWatchdog.FEED_GATED_LONG)).containsExactly("CRITICAL FEED_GATED_LONG FEED_GATED_LONG:BTCUSDT "
                + "BTCUSDT gated for over 15m: " + silence
                + ". The feeds have not recovered by themselves; look at the venue and the network.");
        desk.run(ESCALATE_AFTER.multipliedBy(2));
        assertThat(desk.alerts(FeedWatchdog.FEED_GATED_LONG)).as("once per closing").hasSize(1);
        assertThat(desk.alerts(FeedWatchdog.FEED_RECONNECT_STORM)).isEmpty();
        assertThat(desk.alerts).filteredOn(alert -> alert.startsWith("CRITICAL")).hasSize(1);
    }

    @Test
    void startUpPublishesEachSymbolsStateClearingAStaleGate() {
        FeedGate leftOver = new FeedGate("BTCUSDT", true, "reconnect storm on usdm-public-0: 5 reconnects within 60s", 1);
        desk.feedGatesTopic.put(leftOver.key(), leftOver);
        desk.silent.add(MARK_ETH);

        desk.startUp();
        assertThat(desk.published).extracting(FeedGate::symbol, FeedGate::gated, FeedGate::reason).containsExactly(
                Tuple.tuple("BTCUSDT", true, "feeds starting"), Tuple.tuple("ETHUSDT", true, "feeds starting"));
        assertThat(desk.feedGatesTopic.get("feed-gate:BTCUSDT").reason()).isEqualTo("feeds starting");
        assertThat(desk.alerts).as("starting is no news").isEmpty();
        assertThat(desk.gauge("nova.ingestion.symbol.gated", "symbol", "BTCUSDT")).isEqualTo(1);

        desk.run(Duration.ofSeconds(5));
        desk.silent.clear();
        desk.run(Duration.ofMillis(4500));
        assertThat(desk.watchdog.gated("BTCUSDT")).as("delivering, not yet for the heal time").isTrue();
        desk.run(Duration.ofSeconds(1));
        assertThat(desk.feedGatesTopic.get("feed-gate:BTCUSDT")).extracting(FeedGate::gated, FeedGate::reason)
                .containsExactly(false, "feeds healthy for 10s");
        assertThat(desk.watchdog.gated("ETHUSDT")).as("its mark price delivered 5s later").isTrue();

        desk.run(Duration.ofSeconds(5));
        assertThat(desk.feedGatesTopic.values()).extracting(FeedGate::symbol, FeedGate::gated).containsExactlyInAnyOrder(
                Tuple.tuple("BTCUSDT", false), Tuple.tuple("ETHUSDT", false));
        assertThat(desk.alerts(FeedWatchdog.FEED_GATE_LIFTED)).containsExactly(
                "INFO FEED_GATE_LIFTED FEED_GATE_LIFTED:BTCUSDT BTCUSDT trading resumed: feeds healthy for 10s after start-up",
                "INFO FEED_GATE_LIFTED FEED_GATE_LIFTED:ETHUSDT ETHUSDT trading resumed: feeds healthy for 10s after start-up");
        assertThat(desk.alerts(FeedWatchdog.FEED_GATED)).isEmpty();
        assertThat(desk.reconnectsOf(MARKET)).as("not silent for the full threshold").isEmpty();
    }

    @Test
    void aGateTheBrokerDidNotTakeIsPublishedAgainWithTheStateOfTheMoment() {
        desk.brokerDown = true;
        desk.startUp();
        desk.run(HEAL_AFTER.plusSeconds(1));
        assertThat(desk.watchdog.gated("BTCUSDT")).isFalse();
        assertThat(desk.published).isEmpty();

        desk.brokerDown = false;
        desk.run(Duration.ofMillis(250));
        assertThat(desk.published).extracting(FeedGate::symbol, FeedGate::gated).containsExactlyInAnyOrder(
                Tuple.tuple("BTCUSDT", false), Tuple.tuple("ETHUSDT", false));
        desk.run(Duration.ofSeconds(5));
        assertThat(desk.published).as("once taken, not again").hasSize(2);
    }
}
