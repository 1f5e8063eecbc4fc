package com.novaquant.ingestion.application;

import com.novaquant.events.Severity;
import com.novaquant.events.Venue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FeedWatchdogTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final FeedStream ticker = new FeedStream(0, "btcusdt@bookTicker", "BTCUSDT", Venue.USDM, "book_ticker");
    final FeedStream mark = new FeedStream(1, "btcusdt@markPrice@1s", "BTCUSDT", Venue.USDM, "mark_price");
    final FeedMonitor monitor = new FeedMonitor(List.of(
            new FeedConnection("usdm-public-0", Venue.USDM, List.of(ticker)),
            new FeedConnection("usdm-market-0", Venue.USDM, List.of(mark))),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), now::get);
    final List<String> reconnects = new ArrayList<>();
    final List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final FeedWatchdog watchdog = new FeedWatchdog(monitor, (connection, reason) -> reconnects.add(connection + " " + reason),
            (Severity severity, String code, String text, String dedupKey) -> alerts.add(severity + " " + code + " " + dedupKey + " " + text),
            new IngestionMetrics(new SimpleMeterRegistry(), monitor, Duration.ofMillis(200)),
            Duration.ofMinutes(5), 3, Duration.ofSeconds(60), now::get);

    void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    void bothConnected() {
        monitor.start();
        monitor.onConnected("usdm-public-0");
        monitor.onConnected("usdm-market-0");
    }

    @Test
    void sustainedLagReconnectsTheConnectionAndRaisesOneWarning() {
        bothConnected();
        for (int i = 0; i < 12; i++) {
            monitor.onMessage(0, now.get());
            monitor.onMessage(1, now.get());
            monitor.onLag(0, 350, now.get());
            advance(Duration.ofMillis(100));
        }
        watchdog.check();
        watchdog.check();
        assertThat(reconnects).containsExactly("usdm-public-0 lag", "usdm-public-0 lag");
        assertThat(alerts).containsExactly("WARNING FEED_LAG FEED_LAG:usdm-public-0 WebSocket lag detected (>200ms). Initiating reconnection.");
    }

    @Test
    void lagBelowTheThresholdDoesNothing() {
        bothConnected();
        for (int i = 0; i < 20; i++) {
            monitor.onMessage(0, now.get());
            monitor.onMessage(1, now.get());
            monitor.onLag(0, 150, now.get());
            advance(Duration.ofMillis(100));
        }
        watchdog.check();
        assertThat(reconnects).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void silentStreamReconnectsItsConnectionAndMakesTheFeedUnhealthy() {
        bothConnected();
        for (int i = 0; i < 60; i++) {
            monitor.onMessage(0, now.get());
            advance(Duration.ofMillis(100));
        }
        watchdog.check();
        assertThat(reconnects).containsExactly("usdm-market-0 stale");
        assertThat(alerts).singleElement().asString().startsWith("WARNING FEED_STALE FEED_STALE:usdm-market-0");
        assertThat(monitor.health().healthy()).isFalse();
        assertThat(monitor.health().staleStreams()).containsExactly("USDM:btcusdt@markPrice@1s");
    }

    @Test
    void freshConnectionGetsTheFullThresholdBeforeBeingReplacedAgain() {
        bothConnected();
        advance(Duration.ofSeconds(6));
        monitor.onMessage(0, now.get());
        watchdog.check();
        assertThat(reconnects).containsExactly("usdm-market-0 stale");
        monitor.onDisconnected("usdm-market-0");
        monitor.onConnected("usdm-market-0");
        advance(Duration.ofSeconds(1));
        monitor.onMessage(0, now.get());
        watchdog.check();
        assertThat(reconnects).hasSize(1);
    }

    @Test
    void downConnectionIsUnhealthyAndItsSilenceAlertsWithoutAnExtraReconnect() {
        bothConnected();
        monitor.onDisconnected("usdm-public-0");
        assertThat(monitor.health().downConnections()).containsExactly("usdm-public-0");
        advance(Duration.ofSeconds(6));
        monitor.onMessage(1, now.get());
        watchdog.check();
        assertThat(reconnects).isEmpty();
        assertThat(alerts).singleElement().asString().startsWith("WARNING FEED_STALE FEED_STALE:usdm-public-0");
    }

    @Test
    void reconnectStormEscalatesToCritical() {
        watchdog.onReconnect("usdm-public-0");
        watchdog.onReconnect("usdm-public-0");
        watchdog.onReconnect("usdm-market-0");
        assertThat(alerts).isEmpty();
        watchdog.onReconnect("usdm-public-0");
        await().atMost(Duration.ofSeconds(5)).until(() -> !alerts.isEmpty());
        assertThat(alerts).singleElement().asString()
                .startsWith("CRITICAL FEED_RECONNECT_STORM FEED_RECONNECT_STORM:usdm-public-0 Reconnect storm: 3 reconnects within 60s");
        watchdog.close();
    }
}
