package com.novaquant.ingestion.application;

import com.novaquant.events.FeedGate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.novaquant.ingestion.application.WatchdogHarness.HEAL_AFTER;
import static com.novaquant.ingestion.application.WatchdogHarness.LAG_BACKOFF;
import static com.novaquant.ingestion.application.WatchdogHarness.LAG_BACKOFF_MAX;
import static com.novaquant.ingestion.application.WatchdogHarness.MARKET;
import static com.novaquant.ingestion.application.WatchdogHarness.MARK_BTC;
import static com.novaquant.ingestion.application.WatchdogHarness.PUBLIC;
import static com.novaquant.ingestion.application.WatchdogHarness.PUBLIC_BTC;
import static com.novaquant.ingestion.application.WatchdogHarness.PUBLIC_ETH;
import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog's remedies (reconnect, degrade) and the reconnect back-off, on a controlled clock. */
class FeedWatchdogTest {

    final WatchdogHarness desk = new WatchdogHarness();

    static final String LAG_GATE = "USD-M frames lagging >200ms for 2s on usdm-public-0";

    @Test
    void thirtySecondsOfLagWarnsOnceReconnectsOnceGatesTheSymbolsAndNeverStorms() {
        desk.startedAndHealthy();
        desk.lag(PUBLIC_BTC, 500);
        desk.lag(PUBLIC_ETH, 500);
        desk.run(Duration.ofSeconds(30));
        boolean degradedDuringTheLag = desk.watchdog.degraded(PUBLIC);
        double degradedGauge = desk.gauge("nova.ingestion.connection.degraded", "connection", PUBLIC);
        double gatedGauge = desk.gauge("nova.ingestion.symbol.gated", "symbol", "BTCUSDT");

        desk.lag(PUBLIC_BTC, 20);
        desk.lag(PUBLIC_ETH, 20);
        desk.run(HEAL_AFTER.plusSeconds(1));

        assertThat(desk.reconnects).extracting(WatchdogHarness.Reconnect::connection, WatchdogHarness.Reconnect::reason)
                .as("one lag reconnect: the second lag is the venue's, another reconnect would not cure it")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PUBLIC, "lag"));
        assertThat(desk.alerts).containsExactly(
                "WARNING FEED_LAG FEED_LAG:usdm-public-0 WebSocket lag detected (>200ms). Initiating reconnection.",
                "WARNING FEED_GATED FEED_GATED:BTCUSDT,ETHUSDT BTCUSDT, ETHUSDT GATED: " + LAG_GATE
                        + ". No new decisions on these symbols; lifts by itself after the feeds are healthy for 10s.",
                "INFO FEED_GATE_LIFTED FEED_GATE_LIFTED:BTCUSDT,ETHUSDT BTCUSDT, ETHUSDT trading resumed: feeds healthy for 10s after "
                        + LAG_GATE);
        assertThat(desk.published).extracting(FeedGate::symbol, FeedGate::gated, FeedGate::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BTCUSDT", true, LAG_GATE),
                org.assertj.core.groups.Tuple.tuple("ETHUSDT", true, LAG_GATE),
                org.assertj.core.groups.Tuple.tuple("BTCUSDT", false, "feeds healthy for 10s"),
                org.assertj.core.groups.Tuple.tuple("ETHUSDT", false, "feeds healthy for 10s"));
        assertThat(desk.alerts(FeedWatchdog.FEED_RECONNECT_STORM)).isEmpty();
        assertThat(desk.alerts).noneMatch(alert -> alert.startsWith("CRITICAL"));
        assertThat(degradedDuringTheLag).as("the lag outlived the reconnect: kept up, degraded").isTrue();
        assertThat(degradedGauge).isEqualTo(1);
        assertThat(gatedGauge).isEqualTo(1);
        assertThat(desk.watchdog.degraded(PUBLIC)).isFalse();
        assertThat(desk.gauge("nova.ingestion.connection.degraded", "connection", PUBLIC)).isZero();
        assertThat(desk.gauge("nova.ingestion.symbol.gated", "symbol", "BTCUSDT")).isZero();
    }

    @Test
    void lagThatOutlivesTheReconnectKeepsTheConnectionDegradedWithABoundedBackoff() {
        desk.startedAndHealthy();
        desk.lag(PUBLIC_BTC, 500);
        desk.lag(PUBLIC_ETH, 500);
        desk.run(Duration.ofMinutes(14));

        List<Long> at = desk.reconnects.stream().map(WatchdogHarness.Reconnect::atNanos).toList();
        assertThat(desk.reconnectsOf(PUBLIC)).as("a lag reconnect after 30s, 60s, 120s, 240s, then at most every 5m")
                .hasSize(6).containsOnly("lag");
        List<Duration> expectedWaits = List.of(LAG_BACKOFF, LAG_BACKOFF.multipliedBy(2), LAG_BACKOFF.multipliedBy(4),
                LAG_BACKOFF.multipliedBy(8), LAG_BACKOFF_MAX);
        for (int i = 0; i < expectedWaits.size(); i++) {
            Duration gap = Duration.ofNanos(at.get(i + 1) - at.get(i));
            // The lag comes back one lag window after each reconnect; the back-off runs from there.
            assertThat(gap).as("gap %d", i).isBetween(expectedWaits.get(i).plusSeconds(2), expectedWaits.get(i).plusSeconds(3));
        }
        for (int i = 0; i + 2 < at.size(); i++) {
            assertThat(at.get(i + 2) - at.get(i)).as("never 3 lag reconnects within a minute")
                    .isGreaterThan(Duration.ofSeconds(60).toNanos());
        }
        assertThat(desk.watchdog.degraded(PUBLIC)).isTrue();
        assertThat(desk.alerts(FeedWatchdog.FEED_RECONNECT_STORM)).isEmpty();
        assertThat(desk.alerts(FeedWatchdog.FEED_GATED)).hasSize(1);
        assertThat(desk.watchdog.gated("BTCUSDT")).isTrue();

        desk.lag(PUBLIC_BTC, 20);
        desk.lag(PUBLIC_ETH, 20);
        desk.run(HEAL_AFTER.plusSeconds(1));
        assertThat(desk.watchdog.degraded(PUBLIC)).as("lag-free for the heal time").isFalse();
        assertThat(desk.watchdog.gated("BTCUSDT")).isFalse();

        desk.forget();
        desk.lag(PUBLIC_BTC, 500);
        desk.lag(PUBLIC_ETH, 500);
        desk.run(Duration.ofSeconds(40));
        List<Long> again = desk.reconnects.stream().map(WatchdogHarness.Reconnect::atNanos).toList();
        assertThat(again).as("the back-off started again: reconnect at once, then after 30s").hasSize(2);
        assertThat(Duration.ofNanos(again.get(1) - again.get(0))).isBetween(LAG_BACKOFF.plusSeconds(2), LAG_BACKOFF.plusSeconds(3));
    }

    @Test
    void theBackoffOfADeliberateReconnectNeverMakesAHealthyFeedLookStale() {
        desk.connections.refusing.add(PUBLIC);
        desk.startUp();
        desk.run(Duration.ofSeconds(2));
        desk.connections.refusing.clear();
        desk.run(Duration.ofMillis(1500));
        assertThat(desk.monitor.connected(PUBLIC)).isTrue();
        int failures = desk.connections.backoffs.get(PUBLIC).failures();
        assertThat(failures).as("four refused attempts grew the back-off to seconds").isEqualTo(4);
        desk.run(Duration.ofSeconds(1));

        desk.lag(PUBLIC_BTC, 500);
        desk.lag(PUBLIC_ETH, 500);
        List<FeedMonitor.FeedHealth> seen = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            desk.run(WatchdogHarness.STEP);
            seen.add(desk.monitor.health());
            if (!desk.reconnects.isEmpty()) {
                desk.lag(PUBLIC_BTC, 20);
                desk.lag(PUBLIC_ETH, 20);
            }
        }
        assertThat(desk.reconnectsOf(PUBLIC)).containsExactly("lag");
        assertThat(desk.connections.lastDelayNanos.get(PUBLIC)).as("a deliberate reconnect goes at once").isZero();
        assertThat(desk.connections.backoffs.get(PUBLIC).failures()).as("and does not grow the back-off").isEqualTo(failures);
        assertThat(seen.stream().filter(health -> !health.downConnections().isEmpty()))
                .as("the next session opens at once: down for one 50 ms step at most").hasSizeLessThanOrEqualTo(1);
        assertThat(seen).as("never stale").allMatch(health -> health.staleStreams().isEmpty());

        desk.run(HEAL_AFTER.plusSeconds(1));
        assertThat(desk.connections.healthy).as("healthy frames for the heal time reset the back-off").contains(PUBLIC);
        assertThat(desk.connections.backoffs.get(PUBLIC).failures()).isZero();
        desk.connections.drop(PUBLIC);
        assertThat(Duration.ofNanos(desk.connections.lastDelayNanos.get(PUBLIC))).as("a drop waits the first step only")
                .isLessThanOrEqualTo(Duration.ofMillis(250));
        desk.run(Duration.ofMillis(500));
        assertThat(desk.monitor.health().healthy()).isTrue();
        assertThat(desk.alerts(FeedWatchdog.FEED_STALE)).isEmpty();
    }

    @Test
    void lagBelowTheThresholdDoesNothing() {
        desk.startedAndHealthy();
        desk.lag(PUBLIC_BTC, 150);
        desk.run(Duration.ofSeconds(30));
        assertThat(desk.reconnects).isEmpty();
        assertThat(desk.alerts).isEmpty();
        assertThat(desk.published).isEmpty();
    }

    @Test
    void silentStreamReconnectsItsConnectionAndMakesTheFeedUnhealthy() {
        desk.startedAndHealthy();
        desk.silent.add(MARK_BTC);
        desk.run(Duration.ofSeconds(10).plusMillis(500));
        assertThat(desk.reconnects).extracting(WatchdogHarness.Reconnect::reason).containsExactly("stale");
        assertThat(desk.reconnectsOf(MARKET)).containsExactly("stale");
        assertThat(desk.alerts(FeedWatchdog.FEED_STALE)).containsExactly("WARNING FEED_STALE FEED_STALE:usdm-market-0 "
                + "WebSocket feed stale (no data for >10000ms on usdm-market-0). Initiating reconnection.");
        assertThat(desk.monitor.health().healthy()).isFalse();
        assertThat(desk.monitor.health().staleStreams()).containsExactly("USDM:btcusdt@markPrice@1s");
    }

    @Test
    void freshConnectionGetsTheFullThresholdBeforeBeingReplacedAgain() {
        desk.startedAndHealthy();
        desk.silent.add(MARK_BTC);
        desk.run(Duration.ofSeconds(10).plusMillis(500));
        assertThat(desk.reconnectsOf(MARKET)).hasSize(1);
        desk.run(Duration.ofSeconds(9));
        assertThat(desk.reconnectsOf(MARKET)).as("silence counts from the fresh session").hasSize(1);
        desk.run(Duration.ofSeconds(2));
        assertThat(desk.reconnectsOf(MARKET)).hasSize(2);
    }

    @Test
    void downConnectionIsUnhealthyAndItsSilenceAlertsWithoutAnExtraReconnect() {
        desk.startedAndHealthy();
        desk.connections.refusing.add(PUBLIC);
        desk.connections.drop(PUBLIC);
        assertThat(desk.monitor.health().downConnections()).containsExactly(PUBLIC);
        desk.run(Duration.ofSeconds(10).plusMillis(500));
        assertThat(desk.reconnects).isEmpty();
        assertThat(desk.alerts(FeedWatchdog.FEED_STALE)).singleElement().asString()
                .startsWith("WARNING FEED_STALE FEED_STALE:usdm-public-0").endsWith("Reconnecting.");
    }
}
