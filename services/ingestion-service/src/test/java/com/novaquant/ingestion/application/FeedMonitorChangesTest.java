package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams and connections added and removed while the feeds run, on a controlled clock. */
class FeedMonitorChangesTest {

    static final FeedStream BTC = new FeedStream(0, "btcusdt@bookTicker", "BTCUSDT", Venue.SPOT, "book_ticker");
    static final FeedStream SOL = new FeedStream(1, "solusdt@bookTicker", "SOLUSDT", Venue.SPOT, "book_ticker");

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final FeedMonitor monitor = new FeedMonitor(List.of(new FeedConnection("spot-0", Venue.SPOT, List.of(BTC))), 4,
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), now::get);

    @Test
    void anAddedStreamIsLookedUpByIdAndGetsTheFullSilenceThresholdFromWhenItWasAdded() {
        monitor.onConnected("spot-0");
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        monitor.onMessage(BTC.id(), now.get());

        monitor.addStreams("spot-0", List.of(SOL));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        monitor.onMessage(BTC.id(), now.get());

        assertThat(monitor.stream(1)).isEqualTo(SOL);
        assertThat(monitor.connections().getFirst().streams()).containsExactly(BTC, SOL);
        assertThat(monitor.status().getFirst().silent()).as("4 s since it was added, threshold 5 s").isEmpty();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        monitor.onMessage(BTC.id(), now.get());
        assertThat(monitor.status().getFirst().silent()).containsExactly(SOL);
    }

    @Test
    void aRemovedStreamIsNeverReportedSilentAndItsIdCanServeAnotherStream() {
        monitor.addStreams("spot-0", List.of(SOL));
        monitor.onConnected("spot-0");

        monitor.removeStreams("spot-0", List.of(SOL));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        monitor.onMessage(BTC.id(), now.get());

        assertThat(monitor.stream(1)).isNull();
        assertThat(monitor.status().getFirst().silent()).isEmpty();
        assertThat(monitor.health().healthy()).isTrue();
        FeedStream xrp = new FeedStream(1, "xrpusdt@bookTicker", "XRPUSDT", Venue.SPOT, "book_ticker");
        monitor.addStreams("spot-0", List.of(xrp));
        assertThat(monitor.stream(1)).isEqualTo(xrp);
        monitor.onLag(1, 500, now.get());
    }

    @Test
    void aConnectionOpenedLaterIsWatchedAndIdsBeyondTheCapacityAreRefused() {
        monitor.addConnection(new FeedConnection("spot-1", Venue.SPOT, List.of()));
        monitor.addStreams("spot-1", List.of(SOL));

        assertThat(monitor.connections()).extracting(FeedConnection::name).containsExactly("spot-0", "spot-1");
        assertThat(monitor.connected("spot-1")).isFalse();
        assertThat(monitor.health().downConnections()).contains("spot-1");
        assertThatThrownBy(() -> monitor.addStreams("spot-1",
                List.of(new FeedStream(4, "x@bookTicker", "X", Venue.SPOT, "book_ticker"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity 4");
    }
}
