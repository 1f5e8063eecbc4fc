package com.novaquant.signal.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.FundingRate;
import com.novaquant.events.MarketScan;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
import com.novaquant.strategy.pair.Position;
import com.novaquant.strategy.universe.AllocationRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The universe use case on in-memory parts: scans in, the engine's policies and the published universe out, the
 * engine's signals recorded. Books of every symbol: spot 99.99 / 100.00, perp 100.01 / 100.02 (net carry = rate ×
 * 1095 − 0.167 a year at 8-hour funding); defaults: entry 0.15, stay 0.10, switch margin 0.05, per-pair cap 1000.
 */
class UniverseServiceTest {

    private static final long T0_MS = 1_780_000_000_000L;
    /** Net carry 0.928. */
    private static final String RICH = "0.001";
    /** Net carry 0.709. */
    private static final String GOOD = "0.0008";
    /** Net carry 0.731: better than GOOD by less than the switch margin. */
    private static final String SLIGHTLY_BETTER = "0.00082";
    /** Net carry 0.08: below the stay level. */
    private static final String POOR = "0.00023";

    private long nowMs = T0_MS;
    /** How many of the next universe sends fail. */
    private int failSends;
    private final List<Signal> signals = new ArrayList<>();
    private final List<UniverseSelection> universes = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveSettings settings = new LiveSettings(new SignalProperties(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null), List.of("BTCUSDT"));
    private final SignalEngine engine = new SignalEngine(settings, () -> DeskMode.TRADING, symbol -> false,
            () -> nowMs * 1000, signals::add, new SignalMetrics(registry), true);

    private UniverseService service(UniverseProperties properties) {
        return new UniverseService(properties, settings, engine, universe -> {
                    if (failSends > 0) {
                        failSends--;
                        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("broker down"));
                    }
                    universes.add(universe);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                },
                new UniverseMetrics(registry, () -> Double.NaN), () -> nowMs);
    }

    private static UniverseProperties sized(int size) {
        return new UniverseProperties(true, size, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private MarketScan scan(Map<String, String> rates) {
        List<MarketScan.ScannedSymbol> symbols = new ArrayList<>();
        rates.forEach((symbol, rate) -> symbols.add(new MarketScan.ScannedSymbol(symbol, true, new BigDecimal(rate), 8,
                d("99.99"), d("10000"), d("100.00"), d("10000"), d("100.01"), d("10000"), d("100.02"), d("10000"),
                d("100000000"), d("100000000"))));
        return new MarketScan(nowMs - 1_000, symbols);
    }

    private void marketData(String symbol, String rate) {
        long micros = nowMs * 1000 - 100;
        engine.onQuote(new Quote(symbol, Venue.SPOT, d("99.99"), d("100"), d("100.00"), d("100"), 1, 0, micros));
        engine.onQuote(new Quote(symbol, Venue.USDM, d("100.01"), d("100"), d("100.02"), d("100"), 1, 0, micros));
        engine.onFunding(new FundingRate(symbol, d("100.015"), d("100"), new BigDecimal(rate),
                T0_MS + 3_600_000, nowMs, micros));
    }

    private List<Signal> signalsOf(String symbol) {
        return signals.stream().filter(s -> s.symbol().equals(symbol)).toList();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void aScanChoosesFundsAndPublishesTheUniverseAndTheEngineTradesIt() {
        UniverseService universe = service(sized(2));

        universe.onScan(scan(Map.of("SOLUSDT", RICH, "ETHUSDT", GOOD, "XRPUSDT", POOR)));

        assertThat(universes).hasSize(1);
        UniverseSelection chosen = universes.getFirst();
        assertThat(chosen.revision()).isEqualTo(1);
        assertThat(chosen.members()).extracting(UniverseSelection.Member::symbol).containsExactly("SOLUSDT", "ETHUSDT");
        assertThat(chosen.members()).allSatisfy(m -> {
            assertThat(m.notional()).isEqualByComparingTo("1000");
            assertThat(m.limitedBy()).isEqualTo("PAIR_CAP");
            assertThat(m.fundingIntervalHours()).isEqualTo(8);
        });
        assertThat(chosen.members().getFirst().netCarryApr()).isBetween(0.92, 0.93);
        // BTCUSDT is configured and may hold a pair from before: tracked until it is decided flat
        assertThat(chosen.tracked()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(chosen.left()).isEmpty();
        assertThat(chosen.scannedAtMs()).isEqualTo(T0_MS - 1_000);
        assertThat(gauge("nova.universe.member", "symbol", "SOLUSDT")).isEqualTo(1);
        assertThat(gauge("nova.universe.member", "symbol", "BTCUSDT")).isZero();
        assertThat(gauge("nova.universe.notional.usdt", "symbol", "ETHUSDT")).isEqualTo(1000);
        assertThat(gauge("nova.universe.size")).isEqualTo(2);
        assertThat(gauge("nova.universe.revision")).isEqualTo(1);
        assertThat(counter("nova.universe.changes", "change", "entered", "reason", "CARRY_ABOVE_ENTRY")).isEqualTo(2);

        marketData("SOLUSDT", RICH);
        marketData("XRPUSDT", RICH);
        marketData("BTCUSDT", RICH);

        assertThat(signalsOf("SOLUSDT")).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
            assertThat(s.targetNotional()).isEqualByComparingTo("1000");
            assertThat(s.targetBaseQty()).isEqualByComparingTo("10");
        });
        // not tracked: not decided, whatever its carry
        assertThat(signalsOf("XRPUSDT")).isEmpty();
        // outside the universe: closed (it may be open), never opened
        assertThat(signalsOf("BTCUSDT")).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
            assertThat(s.flat()).isTrue();
        });

        universe.reconcile();

        assertThat(universes).hasSize(2);
        assertThat(universes.getLast().revision()).isEqualTo(2);
        assertThat(universes.getLast().tracked()).containsExactly("ETHUSDT", "SOLUSDT");
        assertThat(universes.getLast().members()).isEqualTo(chosen.members());
        universe.reconcile();
        assertThat(universes).hasSize(2);
    }

    @Test
    void aUniverseWhoseSendFailedIsSentAgainOnTheNextScanNotLeftUntilTheNextChange() {
        UniverseService universe = service(sized(2));
        failSends = 1;

        universe.onScan(scan(Map.of("SOLUSDT", RICH, "ETHUSDT", GOOD)));
        assertThat(universes).isEmpty();
        nowMs += 5_000;
        universe.onScan(scan(Map.of("SOLUSDT", RICH, "ETHUSDT", GOOD)));

        assertThat(universes).hasSize(1);
        assertThat(universes.getFirst().revision()).isEqualTo(1);
        assertThat(universes.getFirst().members()).extracting(UniverseSelection.Member::symbol)
                .containsExactly("SOLUSDT", "ETHUSDT");
        nowMs += 5_000;
        universe.onScan(scan(Map.of("SOLUSDT", RICH, "ETHUSDT", GOOD)));
        assertThat(universes).as("sent once it was written").hasSize(1);
    }

    @Test
    void aMemberIsKeptInsideTheSwitchMarginAndReplacedBeyondIt() {
        UniverseService universe = service(sized(1));
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", POOR)));
        assertThat(universes.getLast().members()).extracting(UniverseSelection.Member::symbol).containsExactly("ETHUSDT");
        int published = universes.size();

        nowMs += 60_000;
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", SLIGHTLY_BETTER)));

        assertThat(universes).hasSize(published);
        assertThat(universe.status().members()).extracting(UniverseStatus.MemberStatus::symbol).containsExactly("ETHUSDT");
        assertThat(universe.status().candidates()).filteredOn(c -> c.symbol().equals("SOLUSDT")).singleElement()
                .satisfies(c -> {
                    assertThat(c.rank()).isEqualTo(1);
                    assertThat(c.verdict()).isEqualTo("NO_PLACE");
                });

        nowMs += 60_000;
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", RICH)));

        UniverseSelection switched = universes.getLast();
        assertThat(switched.revision()).isEqualTo(universes.get(published - 1).revision() + 1);
        assertThat(switched.members()).extracting(UniverseSelection.Member::symbol).containsExactly("SOLUSDT");
        assertThat(switched.left()).containsExactly(new UniverseSelection.Departure("ETHUSDT", "OUTRANKED"));
        assertThat(counter("nova.universe.changes", "change", "left", "reason", "OUTRANKED")).isEqualTo(1);
        assertThat(gauge("nova.universe.member", "symbol", "ETHUSDT")).isZero();
    }

    @Test
    void aMemberLeavingWithAnOpenPairStaysTrackedUntilItsPairIsClosed() {
        UniverseService universe = service(sized(2));
        universe.onScan(scan(Map.of("ETHUSDT", GOOD)));
        marketData("ETHUSDT", GOOD);
        assertThat(engine.state("ETHUSDT").position()).isEqualTo(Position.OPEN);

        nowMs += 120_000;
        universe.onScan(scan(Map.of("ETHUSDT", POOR)));

        UniverseSelection left = universes.getLast();
        assertThat(left.members()).isEmpty();
        assertThat(left.left()).containsExactly(new UniverseSelection.Departure("ETHUSDT", "CARRY_FELL"));
        assertThat(left.tracked()).contains("ETHUSDT");
        int published = universes.size();
        universe.reconcile();
        assertThat(universes).hasSize(published);

        // still above the exit rule on its own: only the universe closes it
        marketData("ETHUSDT", GOOD);

        assertThat(signalsOf("ETHUSDT").getLast().reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
        assertThat(signalsOf("ETHUSDT").getLast().flat()).isTrue();
        universe.reconcile();
        assertThat(universes.getLast().tracked()).doesNotContain("ETHUSDT");
        assertThat(universes.getLast().revision()).isEqualTo(left.revision() + 1);
        assertThat(universes.getLast().left()).isEmpty();
    }

    @Test
    void aScanOlderThanTheMaximumAgeIsIgnoredAndCounted() {
        UniverseService universe = service(sized(2));
        MarketScan old = new MarketScan(nowMs - Duration.ofMinutes(6).toMillis(), scan(Map.of("ETHUSDT", GOOD)).symbols());

        universe.onScan(old);

        assertThat(universes).isEmpty();
        assertThat(counter("nova.universe.scans", "outcome", "STALE")).isEqualTo(1);
        assertThat(universe.status().known()).isFalse();
        // no universe known: nothing decided, not even a close
        marketData("BTCUSDT", RICH);
        assertThat(signals).isEmpty();
    }

    @Test
    void aRestartRestoresTheRevisionTheMembersAndTheTrackedSymbols() {
        UniverseService universe = service(sized(1));
        universe.restore(new UniverseSelection(7, T0_MS - 60_000, T0_MS - 61_000,
                List.of(new UniverseSelection.Member("ETHUSDT", new BigDecimal("800.00"), 0.7, 8, "SHARE")),
                List.of("ADAUSDT", "ETHUSDT"), List.of()));

        assertThat(engine.trackedSymbols()).contains("ADAUSDT", "ETHUSDT");
        // the restored budget is in force before any scan
        marketData("ETHUSDT", GOOD);
        assertThat(signalsOf("ETHUSDT").getLast().targetNotional()).isEqualByComparingTo("800");
        // a restored symbol outside the universe is closed
        marketData("ADAUSDT", GOOD);
        assertThat(signalsOf("ADAUSDT").getLast().reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);

        // SOLUSDT beats the restored member by less than the margin: the member stays
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", SLIGHTLY_BETTER)));

        UniverseSelection next = universes.getLast();
        assertThat(next.revision()).isEqualTo(8);
        assertThat(next.members()).extracting(UniverseSelection.Member::symbol).containsExactly("ETHUSDT");
        assertThat(next.members().getFirst().notional()).isEqualByComparingTo("1000");
        assertThat(next.tracked()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void aBudgetMovingInsideTheBandChangesNothingAndBeyondItIsPublished() {
        // 1500 of capital, a third of it margin at 2x: 1000 of notional, shared by net carry
        UniverseProperties byCarry = new UniverseProperties(true, 2, null, null, null, null, null, null,
                AllocationRules.Weighting.BY_CARRY, 1500.0, null, null, null, null, null, null, null);
        UniverseService universe = service(byCarry);
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", RICH)));
        UniverseSelection first = universes.getLast();
        assertThat(first.members().get(1).notional().doubleValue()).isBetween(430.0, 436.0);

        nowMs += 60_000;
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", "0.00101")));
        assertThat(universes.getLast()).isSameAs(first);
        // the budget in force is the published one
        assertThat(universe.status().members().get(1).notional()).isEqualTo(first.members().get(1).notional().doubleValue());

        nowMs += 60_000;
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", "0.0015")));
        UniverseSelection moved = universes.getLast();
        assertThat(moved.revision()).isEqualTo(first.revision() + 1);
        assertThat(moved.members().get(1).symbol()).isEqualTo("ETHUSDT");
        assertThat(moved.members().get(1).notional().doubleValue()).isBetween(320.0, 328.0);
        assertThat(moved.left()).isEmpty();
    }

    @Test
    void anOpenPairIsResizedWhenItsBudgetMovesBeyondTheResizeBand() {
        UniverseProperties byCarry = new UniverseProperties(true, 2, null, null, null, null, null, null,
                AllocationRules.Weighting.BY_CARRY, 1500.0, null, null, null, null, null, null, null);
        UniverseService universe = service(byCarry);
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", RICH)));
        marketData("ETHUSDT", GOOD);
        Signal opened = signalsOf("ETHUSDT").getLast();
        assertThat(opened.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(opened.targetNotional().doubleValue()).isBetween(430.0, 436.0);

        // SOLUSDT's carry rises: ETHUSDT's budget falls by about a quarter, beyond the 20 % band
        nowMs += 120_000;
        universe.onScan(scan(Map.of("ETHUSDT", GOOD, "SOLUSDT", "0.0015")));
        marketData("ETHUSDT", GOOD);

        Signal resized = signalsOf("ETHUSDT").getLast();
        assertThat(resized.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(resized.targetNotional().doubleValue()).isBetween(320.0, 328.0);
        assertThat(resized.targetBaseQty()).isLessThan(opened.targetBaseQty());
        assertThat(engine.state("ETHUSDT").position()).isEqualTo(Position.OPEN);
    }
}
