package com.novaquant.execution.core;

import com.novaquant.events.Alert;
import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.MarginWatch;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.MarginLevel;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import com.novaquant.ids.PairId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.novaquant.execution.sim.VenueFaults.PlacementFault.REJECT_PERMANENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each defect found in review, as the case that shows it, on the execution core over in-memory ports. */
class ExecutionDefectsTest {

    private SimDesk desk = new SimDesk(7, VenueFaults.none());
    private static final BigDecimal SPOT_STEP = SimDesk.SPOT_FILTERS.stepSize();

    private long spotBuys() {
        return desk.venue.executions().stream().filter(e -> e.venue() == Venue.SPOT && e.side() == Side.BUY).count();
    }

    private PairId pairIdOfFirstOrder() {
        return desk.ledger.ordersById().values().iterator().next().pairId();
    }

    // 1
    @Test
    void unwindOfALargeOpeningSellsTheNetHeldAndEndsFlat() {
        desk.venue.script(Venue.USDM, REJECT_PERMANENT);
        assertThat(desk.trade("3")).isEqualTo("UNWOUND");
        assertThat(desk.spotHeld()).isLessThan(SPOT_STEP);
        assertThat(desk.ledger.pair(pairIdOfFirstOrder()).orElseThrow().state()).isEqualTo(PairState.UNWOUND);
        assertThat(desk.criticals("LEG_RISK")).hasSize(1);
        assertThat(desk.gate.held()).isFalse();
    }

    // 2
    @Test
    void aPairReducedBelowHalfItsSizeStaysHedgedAndStillCloses() {
        desk.trade("4");
        PairId pairId = desk.pair().orElseThrow().pairId();
        for (int i = 0; i < 3; i++) {
            desk.core.operator().reduce(pairId, new BigDecimal("0.5"), "margin");
        }
        PairRecord reduced = desk.pair().orElseThrow();
        assertThat(reduced.perp().quantity()).isEqualByComparingTo("0.5");
        assertThat(reduced.state()).isEqualTo(PairState.OPEN);
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isZero();
        assertThat(desk.spotHeld()).isLessThan(SPOT_STEP);
    }

    // 3
    @Test
    void aCloseBelowTheUsdmMinimumNotionalIsSentReduceOnly() {
        desk.trade("0.002");
        desk.setBook(new BigDecimal("40000.00"), new BigDecimal("40000.10"));
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isZero();
    }

    // 4
    @Test
    void anOrderUnknownTwiceIsNotDeadUntilItsRecvWindowHasPassedOnExchangeTime() {
        desk.venue.scriptLate(Venue.USDM, 1_500);
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
        assertThat(desk.ledger.ordersById().values()).noneMatch(o -> o.purpose() == OrderPurpose.REHEDGE);
        assertThat(desk.venue.duplicateSends()).isZero();
    }

    // 4, the other side: an order the venue never saw is declared dead once the window has passed, not before
    @Test
    void anOrderLostOnTheWayIsDeadOnlyAfterItsRecvWindowAndIsThenRehedged() {
        // A recvWindow inside the re-hedge window: once it has passed the hedge can still be completed.
        desk.venue.setRecvWindow(Duration.ofSeconds(2));
        desk.venue.script(Venue.USDM, VenueFaults.PlacementFault.AMBIGUOUS_LOST);
        long before = desk.clock.millis();
        assertThat(desk.trade("1")).isEqualTo("REHEDGED");
        assertThat(desk.clock.millis() - before).isGreaterThan(desk.venue.recvWindow().toMillis());
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
    }

    // 5
    @Test
    void aDatabaseErrorMidTradeEngagesTheKillSwitchRaisesCriticalAndHoldsTheSymbol() {
        // The database goes away as the legs leave: both fill on the exchange, neither fill reaches the ledger, whose
        // pair still shows two equal (empty) legs.
        desk.venue.beforeNextPlace(Venue.SPOT, () -> desk.ledger.setDown(true));
        assertThatThrownBy(() -> desk.trade("1")).isInstanceOf(RuntimeException.class);
        assertThat(desk.killSwitch.engaged()).isTrue();
        assertThat(desk.criticals("EXECUTION_FAILED")).hasSize(1);
        desk.ledger.setDown(false);
        // The same signal re-published (a new id) must not open on top of the unresolved orders.
        desk.killSwitch.release("test", "operator");
        assertThat(desk.trade("1")).isEqualTo("UNRESOLVED_ORDERS");
        assertThat(desk.reconciler.reconcile()).isEmpty();
        assertThat(desk.unresolved.snapshot()).isEmpty();
        assertThat(desk.pair().orElseThrow().state()).isEqualTo(PairState.OPEN);
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
    }

    // 6
    @Test
    void marginWatchDecidesUnderTheDeskAndACriticalMarginStopsThePairFromGrowing() {
        desk.trade("2");
        MarginWatch watch = new MarginWatch(desk.venue, desk.ledger, desk.core.operator(), desk.margin,
                (severity, code, text, key) -> { }, new MarginLevel(new BigDecimal("1E-10"),
                new BigDecimal("2E-10"), new BigDecimal("0.15"), new BigDecimal("0.07")), new BigDecimal("0.5"));
        assertThat(watch.check()).isEqualTo(MarginLevel.Level.CRITICAL);
        assertThat(desk.pair().orElseThrow().perp().quantity()).isEqualByComparingTo("1");
        assertThat(desk.trade("1.5")).isEqualTo("MARGIN_CRITICAL");
        assertThat(desk.trade("0.5")).isEqualTo("FILLED");
    }

    // 6, the stale snapshot: a pair closed between the read and the reduction is left closed
    @Test
    void aReductionDecidedOnAStaleSnapshotLeavesAClosedPairClosed() {
        desk.trade("1");
        PairRecord stale = desk.pair().orElseThrow();
        desk.trade("0");
        int orders = desk.venue.ordersPlaced();
        desk.core.operator().reduce(stale.pairId(), new BigDecimal("0.5"), "margin");
        assertThat(desk.ledger.pair(stale.pairId()).orElseThrow().state()).isEqualTo(PairState.CLOSED);
        assertThat(desk.venue.ordersPlaced()).isEqualTo(orders);
    }

    // 7
    @Test
    void noExchangeCallIsMadeWhileTheDeskDecides() {
        List<String> violations = new ArrayList<>();
        desk.venue.observeNetworkCalls(() -> {
            if (desk.core.desk().decidingOnThisThread()) {
                violations.add(new Throwable().getStackTrace()[2].toString());
            }
        });
        desk.trade("1");
        desk.clock.advance(Duration.ofMinutes(1));
        // The account view has aged past its limit: the next decision needs a fresh read.
        assertThat(desk.trade("2")).isEqualTo("FILLED");
        assertThat(violations).isEmpty();
    }

    // 8
    @Test
    void afterARestartBetweenLegsTheRehedgeWindowCountsFromTheRestart() {
        // The process stops once the spot leg has filled, before the perp leg reaches the exchange.
        desk.venue.beforeNextPlace(Venue.USDM, () -> {
            desk.ledger.setDown(true);
            throw new IllegalStateException("process stopped");
        });
        assertThatThrownBy(() -> desk.trade("1")).isInstanceOf(RuntimeException.class);
        desk.ledger.setDown(false);
        desk.clock.advance(Duration.ofSeconds(30));
        SimDesk restarted = desk.restart();
        restarted.killSwitch.release("restart drill", "operator");
        assertThat(restarted.reconciler.reconcile()).isEmpty();
        assertThat(restarted.pair().orElseThrow().state()).isEqualTo(PairState.OPEN);
        assertThat(restarted.perpShort()).isEqualByComparingTo("1");
        assertThat(restarted.ledger.ordersById().values()).anyMatch(o -> o.purpose() == OrderPurpose.REHEDGE)
                .noneMatch(o -> o.purpose() == OrderPurpose.UNWIND);
    }

    // 9
    @Test
    void repairsThatNeverSucceedBackOffAndEndHaltedWithOneCriticalNeverAnException() {
        desk.venue.setFaults(VenueFaults.none().withRejectRetryable(1.0));
        desk.venue.script(Venue.SPOT, VenueFaults.PlacementFault.NONE);
        assertThat(desk.trade("1")).isEqualTo("UNRESOLVED");
        PairId pairId = pairIdOfFirstOrder();
        for (int minute = 0; minute < 48 * 60; minute++) {
            desk.clock.advance(Duration.ofMinutes(1));
            desk.reconciler.reconcile();
        }
        assertThat(desk.ledger.pair(pairId).orElseThrow().state()).isEqualTo(PairState.BROKEN);
        List<Alert> unresolved = desk.alerts.stream().filter(a -> a.dedupKey().startsWith("leg-risk-unresolved")).toList();
        assertThat(unresolved).hasSize(1);
        long unwinds = desk.ledger.ordersById().values().stream().filter(o -> o.purpose() == OrderPurpose.UNWIND).count();
        assertThat(unwinds).isBetween(90L, 99L);
    }

    // 10
    @Test
    void aVanishedShortIsAnIncidentAndTheSpotIsSoldDownNeverRebought() {
        desk.trade("2");
        PairId pairId = desk.pair().orElseThrow().pairId();
        desk.venue.liquidateShort(SimDesk.SYMBOL);
        desk.reconciler.reconcile();
        assertThat(desk.criticals("SHORT_VANISHED")).hasSize(1);
        assertThat(desk.spotHeld()).isLessThan(SPOT_STEP);
        assertThat(spotBuys()).isEqualTo(1);
        assertThat(desk.ledger.pair(pairId).orElseThrow().state()).isIn(PairState.CLOSED, PairState.UNWOUND);
        assertThat(desk.reconciler.reconcile()).isEmpty();
    }

    // 10, met by a flatten before reconciliation noticed
    @Test
    void aFlattenThatMeetsAVanishedShortNeverBuysTheSpotBack() {
        desk.trade("2");
        PairId pairId = desk.pair().orElseThrow().pairId();
        desk.venue.liquidateShort(SimDesk.SYMBOL);
        desk.core.operator().flatten("test", "operator");
        assertThat(spotBuys()).isEqualTo(1);
        desk.reconciler.reconcile();
        assertThat(spotBuys()).isEqualTo(1);
        assertThat(desk.spotHeld()).isLessThan(SPOT_STEP);
        assertThat(desk.ledger.pair(pairId).orElseThrow().state().active()).isFalse();
        assertThat(desk.alerts.stream().filter(a -> a.severity() == com.novaquant.events.Severity.CRITICAL
                && !a.code().equals("KILL_SWITCH"))).hasSize(1);
    }
}
