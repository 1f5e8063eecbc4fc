package com.novaquant.execution.core;

import com.novaquant.events.UniverseSelection;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.execution.sim.SimDesk;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desk that follows the traded universe, on in-memory ports: a symbol the universe adds is prepared (filters on
 * both venues, leverage and margin type) before its first order, a signal before that is refused and heals, and a
 * symbol that left the universe can still be closed, reduced, reconciled and flattened, but not grown.
 */
class UniverseFollowingTest {

    private static final String NEW = "SOLUSDT";
    private static final SymbolFilters NEW_SPOT = new SymbolFilters(new BigDecimal("0.01"), new BigDecimal("0.01"),
            new BigDecimal("90000"), new BigDecimal("5"));
    private static final SymbolFilters NEW_PERP = new SymbolFilters(new BigDecimal("0.1"), new BigDecimal("0.1"),
            new BigDecimal("90000"), new BigDecimal("5"));
    private static final BigDecimal BID = new BigDecimal("150.00");
    private static final BigDecimal ASK = new BigDecimal("150.02");

    private final SimDesk desk = SimDesk.followingTheUniverse(11);
    private long revision;

    private void universe(List<String> members, List<String> tracked) {
        desk.universe.apply(new UniverseSelection(++revision, 1, 1, members.stream()
                .map(s -> new UniverseSelection.Member(s, new BigDecimal("10000"), 0.2, 8, "share")).toList(),
                tracked, List.of()));
    }

    private String trade(String symbol, String target) {
        return desk.core.engine().onSignal(desk.signal(symbol, new BigDecimal(target), BID, ASK));
    }

    private void listNew() {
        desk.venue.addSymbol(NEW, "SOL", NEW_SPOT, NEW_PERP, BID, ASK);
    }

    private double signals(String outcome) {
        return desk.meters.get("nova.execution.signals").tag("outcome", outcome).counter().count();
    }

    @Test
    void untilAUniverseIsKnownTheConfiguredSymbolsAreTheUniverse() {
        listNew();
        assertThat(desk.universe.revision()).isZero();
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(trade(NEW, "1")).isEqualTo("OUTSIDE_UNIVERSE");
        assertThat(desk.venue.executions()).noneMatch(e -> e.symbol().equals(NEW));
        assertThat(signals("OUTSIDE_UNIVERSE")).isEqualTo(1);
        assertThat(desk.ledger.activePair(NEW)).isEmpty();
    }

    @Test
    void aSymbolNoExchangeCouldListIsRefusedBeforeAnythingIsRead() {
        assertThat(trade("btc-usdt'; --", "1")).isEqualTo("UNLISTED_SYMBOL");
        assertThat(trade("AVERYLONGSYMBOLNAMEUSDT", "1")).isEqualTo("UNLISTED_SYMBOL");
        assertThat(desk.ledger.activePairs()).isEmpty();
        assertThat(signals("UNLISTED_SYMBOL")).isEqualTo(2);
    }

    @Test
    void anAddedSymbolHasItsFiltersAndAccountSettingsBeforeItsFirstOrder() {
        listNew();
        assertThat(desk.venue.symbolSettings(NEW)).isNull();

        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));

        assertThat(desk.preparation.ready(NEW)).isTrue();
        assertThat(desk.venue.symbolSettings(NEW).leverage()).isEqualTo(2);
        assertThat(desk.venue.symbolSettings(NEW).marginType()).isEqualTo(MarginType.CROSSED);
        assertThat(desk.venue.ordersPlaced()).isZero();
        // 3.37 is sized on the coarser step of the two venues (0.1): 3.3 on both legs.
        assertThat(trade(NEW, "3.37")).isEqualTo("FILLED");
        assertThat(desk.venue.executions()).filteredOn(e -> e.symbol().equals(NEW))
                .extracting(e -> e.venue(), e -> e.qty().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Venue.SPOT, "3.3"),
                        org.assertj.core.groups.Tuple.tuple(Venue.USDM, "3.3"));
        assertThat(desk.ledger.activePair(NEW).orElseThrow().state()).isEqualTo(PairState.OPEN);
    }

    @Test
    void aSignalBeforeTheSymbolIsPreparedIsRefusedWithoutAnOrderAndHealsOnTheNextOne() {
        // Added to the universe before the venue lists it: no filters to size an order with.
        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));
        assertThat(desk.preparation.ready(NEW)).isFalse();
        assertThat(trade(NEW, "1")).isEqualTo("SYMBOL_NOT_READY");

        // Listed now, but the account settings cannot be made: still no order.
        listNew();
        desk.venue.failAccountSettingsReads(true);
        assertThat(trade(NEW, "1")).isEqualTo("SYMBOL_NOT_READY");
        assertThat(desk.venue.ordersPlaced()).isZero();
        assertThat(desk.venue.symbolSettings(NEW)).isNull();
        assertThat(signals("SYMBOL_NOT_READY")).isEqualTo(2);
        assertThat(desk.meters.get("nova.execution.pretrade.refusals").tag("reason", "SYMBOL_NOT_READY").counter()
                .count()).isEqualTo(2);

        // The refusal started the preparation again; the signal service's next target trades.
        desk.venue.failAccountSettingsReads(false);
        assertThat(trade(NEW, "1")).isEqualTo("SYMBOL_NOT_READY");
        assertThat(desk.venue.symbolSettings(NEW).leverage()).isEqualTo(2);
        assertThat(trade(NEW, "1")).isEqualTo("FILLED");
    }

    @Test
    void aSymbolWhoseLeverageIsRefusedStaysUntradableWithoutFreezingTheDesk() {
        listNew();
        desk.venue.failAccountSettingsReads(true);
        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));
        assertThat(trade(NEW, "1")).isEqualTo("SYMBOL_NOT_READY");
        // The configured symbol trades on: nothing is held on the new one yet.
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.accountSetup.tradable()).isEqualTo(1);
    }

    @Test
    void aSymbolThatLeftTheUniverseIsReducedClosedAndReconciledButNeverGrown() {
        listNew();
        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));
        assertThat(trade(NEW, "4")).isEqualTo("FILLED");

        // Left, and not even tracked: a stale or careless universe must not keep the pair open.
        universe(List.of(SimDesk.SYMBOL), List.of(SimDesk.SYMBOL));
        assertThat(trade(NEW, "5")).isEqualTo("OUTSIDE_UNIVERSE");
        assertThat(trade(NEW, "4")).isEqualTo("OUTSIDE_UNIVERSE");
        assertThat(trade(NEW, "2")).isEqualTo("FILLED");
        assertThat(desk.ledger.activePair(NEW).orElseThrow().perp().quantity()).isEqualByComparingTo("2");
        assertThat(desk.reconciler.reconcile()).isEmpty();
        assertThat(desk.meters.get("nova.execution.books.difference").tag("asset", NEW).gauge().value()).isZero();

        assertThat(trade(NEW, "0")).isEqualTo("FILLED");
        assertThat(desk.ledger.activePair(NEW)).isEmpty();
        assertThat(desk.venue.perpPosition(NEW)).isZero();
    }

    @Test
    void flattenClosesAPairOnASymbolThatLeftTheUniverse() {
        listNew();
        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));
        assertThat(trade(NEW, "4")).isEqualTo("FILLED");
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        universe(List.of(SimDesk.SYMBOL), List.of(SimDesk.SYMBOL));

        assertThat(desk.core.operator().flatten("test", "operator")).isEqualTo(2);

        assertThat(desk.ledger.activePairs()).isEmpty();
        assertThat(desk.venue.perpPosition(NEW)).isZero();
        assertThat(desk.venue.spotHolding("SOL")).isLessThan(NEW_SPOT.stepSize());
    }

    @Test
    void anOlderRevisionIsAReplayAndChangesNothing() {
        listNew();
        universe(List.of(SimDesk.SYMBOL), List.of(SimDesk.SYMBOL));
        universe(List.of(SimDesk.SYMBOL, NEW), List.of(SimDesk.SYMBOL, NEW));

        boolean applied = desk.universe.apply(new UniverseSelection(1, 1, 1, List.of(), List.of(), List.of()));

        assertThat(applied).isFalse();
        assertThat(desk.universe.revision()).isEqualTo(2);
        assertThat(desk.universe.member(NEW)).isTrue();
        assertThat(trade(NEW, "1")).isEqualTo("FILLED");
    }
}
