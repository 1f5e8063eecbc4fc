package com.novaquant.ingestion.application;

import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following the universe with the real watchdog, gates and meters; the feeds are an in-memory end of the port. */
class UniverseSubscriptionsTest {

    static final FeedStream SPOT_BTC = new FeedStream(0, "btcusdt@bookTicker", "BTCUSDT", Venue.SPOT, "book_ticker");

    final List<Set<String>> followed = new CopyOnWriteArrayList<>();
    final List<Collection> fundingReads = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final FeedMonitor monitor = new FeedMonitor(List.of(new FeedConnection("spot-0", Venue.SPOT, List.of(SPOT_BTC))),
            30, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), System::nanoTime);
    final IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200));
    final FeedWatchdog watchdog = new FeedWatchdog(monitor, (connection, reason) -> { }, (severity, code, text, key) -> { }, metrics,
            Duration.ofMinutes(5), 5, Duration.ofSeconds(60), System::nanoTime);
    final FundingIntervalRefresh funding = new FundingIntervalRefresh(symbols -> {
        fundingReads.add(new Collection(List.copyOf(symbols)));
        return CompletableFuture.completedFuture(Map.of());
    }, List.of("BTCUSDT"), metrics, Duration.ofSeconds(1));
    final UniverseSubscriptions subscriptions = new UniverseSubscriptions(List.of("btcusdt"), followed::add, watchdog,
            metrics, funding, 3);

    record Collection(List<String> symbols) {
    }

    @AfterEach
    void close() {
        watchdog.close();
        funding.close();
    }

    static UniverseSelection universe(long revision, String... tracked) {
        List<UniverseSelection.Member> members = java.util.Arrays.stream(tracked)
                .map(symbol -> new UniverseSelection.Member(symbol, BigDecimal.TEN, 0.1, 8, "share")).toList();
        return new UniverseSelection(revision, 1, 1, members, List.of(tracked), List.of());
    }

    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void subscribesTheConfiguredSymbolsPlusTheTrackedOnesAndOpensANewSymbolGated() {
        subscriptions.onUniverse(universe(1, "ETHUSDT", "SOLUSDT"));

        assertThat(followed).containsExactly(Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT"));
        assertThat(subscriptions.symbols()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(registry.get("nova.ingestion.subscribed.symbols").gauge().value()).isEqualTo(3);
        assertThat(counter("nova.ingestion.subscription.changes", "change", "subscribe")).isEqualTo(2);
        assertThat(counter("nova.ingestion.subscription.changes", "change", "unsubscribe")).isZero();
        await().until(() -> watchdog.gated("SOLUSDT") && watchdog.gated("ETHUSDT"));
        await().until(() -> fundingReads.stream().anyMatch(read -> read.symbols().contains("SOLUSDT")));
    }

    @Test
    void aSymbolTheUniverseDropsIsUnsubscribedAndItsGateForgottenButAConfiguredOneStays() {
        subscriptions.onUniverse(universe(1, "BTCUSDT", "SOLUSDT"));
        await().until(() -> registry.find("nova.ingestion.symbol.gated").tag("symbol", "SOLUSDT").gauge() != null);

        subscriptions.onUniverse(universe(2));

        assertThat(followed).containsExactly(Set.of("BTCUSDT", "SOLUSDT"), Set.of("BTCUSDT"));
        assertThat(counter("nova.ingestion.subscription.changes", "change", "unsubscribe")).isEqualTo(1);
        await().until(() -> registry.find("nova.ingestion.symbol.gated").tag("symbol", "SOLUSDT").gauge() == null);
        assertThat(watchdog.gated("SOLUSDT")).isFalse();
        assertThat(registry.find("nova.ingestion.symbol.gated").tag("symbol", "BTCUSDT").gauge()).isNotNull();
    }

    @Test
    void anUnchangedUniverseChangesNothing() {
        subscriptions.onUniverse(universe(1, "SOLUSDT"));
        subscriptions.onUniverse(universe(2, "SOLUSDT", "BTCUSDT"));

        assertThat(followed).hasSize(1);
    }

    @Test
    void aUniverseWithABadSymbolOrTooManySymbolsIsRefusedWholeAndCounted() {
        subscriptions.onUniverse(universe(1, "SOLUSDT", "ETH-USDT"));
        subscriptions.onUniverse(universe(2, "SOLUSDT", "ETHUSDT", "XRPUSDT"));

        assertThat(followed).isEmpty();
        assertThat(subscriptions.symbols()).containsExactly("BTCUSDT");
        assertThat(counter("nova.ingestion.universe.refused")).isEqualTo(2);
    }
}
