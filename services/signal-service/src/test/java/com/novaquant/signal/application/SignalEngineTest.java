package com.novaquant.signal.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignalEngineTest {

    private static final long T0 = 1_780_000_000_000_000L;

    private final List<Signal> published = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long now = T0;
    private DeskMode mode = DeskMode.TRADING;
    private final Set<String> gated = new HashSet<>();
    private final SignalEngine engine = new SignalEngine(
            new LiveSettings(properties(Duration.ofSeconds(60), 5000.0), List.of("BTCUSDT", "ETHUSDT")),
            () -> mode, gated::contains, () -> now, published::add, new SignalMetrics(registry));

    private static SignalProperties properties(Duration cooldown, double totalCap) {
        return new SignalProperties(null, null, null, null, null, null, null, null, null, cooldown, null, null, null,
                null, new SignalProperties.Sizing(null, totalCap, null, null, null),
                Map.of("ETHUSDT", new SignalProperties.SymbolSettings(4, 800.0)));
    }

    private Quote quote(String symbol, Venue venue, String bid, String ask) {
        return new Quote(symbol, venue, new BigDecimal(bid), BigDecimal.ONE, new BigDecimal(ask), BigDecimal.ONE,
                1, 0, now - 100);
    }

    private FundingRate funding(String symbol, String rate) {
        return funding(symbol, rate, T0 / 1000 + 3_600_000);
    }

    private FundingRate funding(String symbol, String rate, long nextFundingTimeMs) {
        return new FundingRate(symbol, new BigDecimal("100035"), new BigDecimal("100000"), new BigDecimal(rate),
                nextFundingTimeMs, T0 / 1000, now - 50);
    }

    private void btcBooks() {
        engine.onQuote(quote("BTCUSDT", Venue.SPOT, "99990", "100000"));
        engine.onQuote(quote("BTCUSDT", Venue.USDM, "100030", "100040"));
    }

    private void ethBooks() {
        engine.onQuote(quote("ETHUSDT", Venue.SPOT, "3999", "4000"));
        engine.onQuote(quote("ETHUSDT", Venue.USDM, "4001", "4002"));
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void openingSignalCarriesItsSnapshotIdExpiryAndDecimals() {
        btcBooks();
        FundingRate rich = funding("BTCUSDT", "0.0003");
        engine.onFunding(rich);

        assertThat(published).hasSize(1);
        Signal signal = published.getFirst();
        assertThat(signal.symbol()).isEqualTo("BTCUSDT");
        assertThat(signal.targetBaseQty()).isEqualByComparingTo("0.01");
        assertThat(signal.targetNotional()).isEqualByComparingTo("1000");
        assertThat(signal.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(signal.expectedCarryApr()).isBetween(0.1616, 0.1617);
        assertThat(signal.spot().venue()).isEqualTo(Venue.SPOT);
        assertThat(signal.perp().askPrice()).isEqualByComparingTo("100040");
        assertThat(signal.funding()).isSameAs(rich);
        assertThat(signal.decidedAtMicros()).isEqualTo(now);
        assertThat(signal.expiresAtMs()).isEqualTo(now / 1000 + 5_000);
        assertThat(signal.signalId().value()).startsWith("BTCUSDT-").isNotBlank();
        assertThat(counter("nova.signal.signals", "symbol", "BTCUSDT", "reason", "CARRY_ABOVE_ENTRY", "kind", "CHANGE"))
                .isEqualTo(1);
        assertThat(registry.get("nova.signal.tick.to.signal").timer().count()).isEqualTo(1);
    }

    @Test
    void signalIdsAreUnique() {
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0003"));
        now += 61_000_000;
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.00001"));

        assertThat(published).hasSize(2);
        assertThat(published.get(0).signalId()).isNotEqualTo(published.get(1).signalId());
        assertThat(published.get(1).flat()).isTrue();
        assertThat(published.get(1).targetBaseQty()).isEqualByComparingTo("0");
    }

    @Test
    void totalCapSpansSymbols() {
        SignalEngine capped = new SignalEngine(
                new LiveSettings(properties(Duration.ofSeconds(60), 1500.0), List.of("BTCUSDT", "ETHUSDT")),
                () -> DeskMode.TRADING, symbol -> false, () -> now, published::add,
                new SignalMetrics(new SimpleMeterRegistry()));
        capped.onQuote(quote("BTCUSDT", Venue.SPOT, "99990", "100000"));
        capped.onQuote(quote("BTCUSDT", Venue.USDM, "100030", "100040"));
        capped.onFunding(funding("BTCUSDT", "0.0003"));
        capped.onQuote(quote("ETHUSDT", Venue.SPOT, "3999", "4000"));
        capped.onQuote(quote("ETHUSDT", Venue.USDM, "4001", "4002"));
        capped.onFunding(funding("ETHUSDT", "0.0003"));

        assertThat(published).hasSize(2);
        assertThat(published.get(0).targetNotional()).isEqualByComparingTo("1000");
        // ETH wants 800 but only 500 is left under the 1500 cap
        assertThat(published.get(1).targetNotional()).isEqualByComparingTo("500");
        assertThat(published.get(1).targetBaseQty()).isEqualByComparingTo("0.125");
    }

    @Test
    void aHaltedDeskHoldsTheOpeningButPublishesTheCloseAndCountsWhy() {
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0003"));
        mode = DeskMode.HALTED;
        ethBooks();
        engine.onFunding(funding("ETHUSDT", "0.0003"));
        now += 61_000_000;
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.00001"));

        assertThat(published).extracting(Signal::symbol).containsExactly("BTCUSDT", "BTCUSDT");
        assertThat(published.getLast().flat()).isTrue();
        assertThat(counter("nova.signal.rejected", "symbol", "ETHUSDT", "reason", "HALTED")).isEqualTo(1);
    }

    @Test
    void aFrozenDeskPublishesNothingAndCountsWhy() {
        mode = DeskMode.FROZEN;
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0003"));

        assertThat(published).isEmpty();
        assertThat(counter("nova.signal.rejected", "symbol", "BTCUSDT", "reason", "FROZEN")).isEqualTo(1);
    }

    @Test
    void aGatedSymbolIsCountedWhileTheOthersTrade() {
        gated.add("ETHUSDT");
        ethBooks();
        engine.onFunding(funding("ETHUSDT", "0.0003"));
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0003"));

        assertThat(published).singleElement().extracting(Signal::symbol).isEqualTo("BTCUSDT");
        // every ETH update while gated: two quotes and the funding
        assertThat(counter("nova.signal.rejected", "symbol", "ETHUSDT", "reason", "FEED_GATED")).isEqualTo(3);
        assertThat(registry.get("nova.signal.carry").tag("symbol", "ETHUSDT").gauge().value()).isNaN();

        gated.remove("ETHUSDT");
        engine.onFunding(funding("ETHUSDT", "0.0003"));
        assertThat(published).extracting(Signal::symbol).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void unknownSymbolsAndMalformedUpdatesAreCountedAndDropped() {
        engine.onQuote(quote("DOGEUSDT", Venue.SPOT, "0.1", "0.2"));
        engine.onQuote(new Quote("BTCUSDT", Venue.SPOT, null, BigDecimal.ONE, new BigDecimal("1"), BigDecimal.ONE,
                1, 0, now));
        engine.onFunding(new FundingRate("BTCUSDT", null, null, null, 0, 0, now));

        assertThat(published).isEmpty();
        assertThat(counter("nova.signal.updates.dropped", "reason", "UNKNOWN_SYMBOL")).isEqualTo(1);
        assertThat(counter("nova.signal.updates.dropped", "reason", "MALFORMED")).isEqualTo(2);
        assertThat(engine.state("BTCUSDT").spot().seen()).isFalse();
    }

    @Test
    void olderQuoteThanTheOneHeldIsDropped() {
        btcBooks();
        Quote older = new Quote("BTCUSDT", Venue.SPOT, new BigDecimal("1"), BigDecimal.ONE, new BigDecimal("2"),
                BigDecimal.ONE, 0, 0, now - 10_000);
        engine.onQuote(older);

        assertThat(counter("nova.signal.updates.dropped", "reason", "OUT_OF_ORDER")).isEqualTo(1);
        assertThat(engine.state("BTCUSDT").spot().ask()).isEqualTo(100_000);
    }

    @Test
    void crossedBookPublishesNothingAndIsCounted() {
        engine.onQuote(quote("BTCUSDT", Venue.SPOT, "100000", "99990"));
        engine.onQuote(quote("BTCUSDT", Venue.USDM, "100030", "100040"));
        engine.onFunding(funding("BTCUSDT", "0.0003"));

        assertThat(published).isEmpty();
        assertThat(counter("nova.signal.rejected", "symbol", "BTCUSDT", "reason", "CROSSED_BOOK")).isEqualTo(1);
        assertThat(registry.get("nova.signal.carry").tag("symbol", "BTCUSDT").gauge().value()).isNaN();
    }

    private double intervalGauge(String symbol) {
        return registry.get("nova.signal.funding.interval.hours").tag("symbol", symbol).gauge().value();
    }

    private String intervalSource(String symbol) {
        return registry.find("nova.signal.funding.interval.source").tag("symbol", symbol).gauges().stream()
                .filter(g -> g.value() == 1).map(g -> g.getId().getTag("source")).reduce((a, b) -> a + "," + b)
                .orElse("none");
    }

    @Test
    void aSymbolsFundingIntervalIsLearnedFromItsNextFundingTimes() {
        assertThat(intervalGauge("BTCUSDT")).isEqualTo(8);
        assertThat(intervalSource("BTCUSDT")).isEqualTo("configured");
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0002", T0 / 1000 + 3_600_000));
        assertThat(published).isEmpty(); // 0.0002 per 8 h (the configured default): net carry 0.052

        // a funding time passes and the next one is an hour later: 0.0002 per hour is 1.752 a year, which opens
        now += 1_000_000;
        btcBooks();
        engine.onFunding(funding("BTCUSDT", "0.0002", T0 / 1000 + 7_200_000));

        assertThat(intervalGauge("BTCUSDT")).isEqualTo(1);
        assertThat(intervalSource("BTCUSDT")).isEqualTo("observed");
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
            assertThat(s.expectedCarryApr()).isBetween(1.585, 1.586); // 1.752 − 0.1669
        });
    }

    @Test
    void fourHourSymbolUsesItsOwnInterval() {
        engine.onQuote(quote("ETHUSDT", Venue.SPOT, "3999", "4000"));
        engine.onQuote(quote("ETHUSDT", Venue.USDM, "4001", "4002"));
        engine.onFunding(funding("ETHUSDT", "0.0002"));

        // 0.0002 × 2190 = 0.438 of funding: opens on a 4-hour symbol
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("ETHUSDT");
            assertThat(s.targetNotional()).isEqualByComparingTo("800");
        });
    }

    @Test
    void thePublishedIntervalDecidesOverTheConfiguredAndTheObservedOneAndEachChangeIsLoggedOnce() {
        Logger engineLog = (Logger) LoggerFactory.getLogger(SignalEngine.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        engineLog.addAppender(logged);
        try {
            btcBooks();
            // 0.0002 a funding: 0.219 a year at 8 h (configured, no opening); at a published 1 h, 1.752: opens
            engine.onFunding(funding("BTCUSDT", "0.0002"));
            assertThat(published).isEmpty();
            now += 1_000_000;
            btcBooks();
            engine.onFunding(funding("BTCUSDT", "0.0002").withFundingIntervalHours(1));

            assertThat(intervalGauge("BTCUSDT")).isEqualTo(1);
            assertThat(intervalSource("BTCUSDT")).isEqualTo("published");
            assertThat(published).singleElement().satisfies(s -> {
                assertThat(s.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
                assertThat(s.expectedCarryApr()).isBetween(1.585, 1.586); // 0.0002 × 24 × 365 − 0.1669
                assertThat(s.funding().fundingIntervalHours()).isEqualTo(1);
            });

            // the funding time passes and moves on by 8 h: observed 8 h, yet the published 1 h stays in force
            now += 1_000_000;
            btcBooks();
            engine.onFunding(funding("BTCUSDT", "0.0002", T0 / 1000 + 3_600_000 + 8 * 3_600_000)
                    .withFundingIntervalHours(1));
            assertThat(engine.state("BTCUSDT").funding().observedIntervalHours()).isEqualTo(8);
            assertThat(intervalGauge("BTCUSDT")).isEqualTo(1);

            // an update whose publisher did not know the interval: the observed one decides
            now += 1_000_000;
            btcBooks();
            engine.onFunding(funding("BTCUSDT", "0.0002", T0 / 1000 + 3_600_000 + 8 * 3_600_000));
            assertThat(intervalGauge("BTCUSDT")).isEqualTo(8);
            assertThat(intervalSource("BTCUSDT")).isEqualTo("observed");

            assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.INFO)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("funding interval"))
                    .containsExactly(
                            "BTCUSDT funding interval now 1 h (PUBLISHED), was 8 h (CONFIGURED); observed unknown, "
                                    + "configured 8 h",
                            "BTCUSDT funding interval now 8 h (OBSERVED), was 1 h (PUBLISHED); observed 8 h, "
                                    + "configured 8 h");
        } finally {
            engineLog.detachAppender(logged);
        }
    }

    @Test
    void theIntervalGaugeFollowsTheConfiguredIntervalUntilAnotherSourceIsKnown() {
        assertThat(intervalGauge("ETHUSDT")).isEqualTo(4);
        assertThat(intervalSource("ETHUSDT")).isEqualTo("configured");

        ethBooks();
        engine.onFunding(funding("ETHUSDT", "0.00001").withFundingIntervalHours(8));

        assertThat(intervalGauge("ETHUSDT")).isEqualTo(8);
        assertThat(intervalSource("ETHUSDT")).isEqualTo("published");
    }
}
