package com.novaquant.execution.sim;

import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.Ledger.FillApplied;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JdbcLedger semantics the simulation relies on, held by the in-memory copy. */
class InMemoryLedgerTest {

    private static final String SYMBOL = "BTCUSDT";
    private static final PairId PAIR = new PairId("P-1");

    private final SimClock clock = new SimClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryLedger ledger = new InMemoryLedger(clock);

    @Test
    void theExposureReadWritesNothingAndARecordedSignalReadsNothing() {
        int writes = ledger.writes();
        assertThat(ledger.exposureUnlessSeen(signal(new SignalId("s1")))).hasValueSatisfying(exposure -> {
            assertThat(exposure.pair()).isEmpty();
            assertThat(exposure.totalNotional()).isEqualByComparingTo("0");
        });
        assertThat(ledger.exposureUnlessSeen(signal(new SignalId("s1")))).isPresent();
        assertThat(ledger.writes()).isEqualTo(writes);
        assertThat(ledger.signalOutcome(new SignalId("s1"))).isEmpty();

        assertThat(ledger.recordRefusal(signal(new SignalId("s1")), "NO_CHANGE", "nothing to trade")).isTrue();
        assertThat(ledger.exposureUnlessSeen(signal(new SignalId("s1")))).isEmpty();
    }

    @Test
    void theWriteAheadOfASignalAlreadyRecordedWritesNothing() {
        assertThat(ledger.claimAndWriteAhead(signal(new SignalId("s1")), PAIR, PairState.OPENING,
                List.of(order(new ClientOrderId("c-1"), Venue.SPOT, Side.BUY, "1"), order(new ClientOrderId("c-2"),
                        Venue.USDM, Side.SELL, "1"))))
                .hasValueSatisfying(pair -> assertThat(pair.state()).isEqualTo(PairState.OPENING));
        assertThat(ledger.signalOutcome(new SignalId("s1"))).contains("IN_PROGRESS");
        Map<ClientOrderId, OrderRecord> ordersBefore = ledger.ordersById();
        PairRecord pairBefore = ledger.pair(PAIR).orElseThrow();
        clock.advanceMillis(10);

        // Another delivery of s1, whose decision read before the first one wrote.
        assertThat(ledger.claimAndWriteAhead(signal(new SignalId("s1")), new PairId("P-2"), PairState.OPENING,
                List.of(order(new ClientOrderId("c-3"), Venue.SPOT, Side.BUY, "1")))).isEmpty();
        assertThat(ledger.ordersById()).isEqualTo(ordersBefore);
        assertThat(ledger.pair(PAIR)).contains(pairBefore);
        assertThat(ledger.pair(new PairId("P-2"))).isEmpty();
        // A refusal of a recorded signal is a duplicate: the recorded outcome stands.
        assertThat(ledger.recordRefusal(signal(new SignalId("s1")), "NO_CHANGE", "late")).isFalse();
        assertThat(ledger.signalOutcome(new SignalId("s1"))).contains("IN_PROGRESS");
    }

    @Test
    void aSpotBuyChargedInTheBaseAssetHoldsTheQuantityLessTheFee() {
        begin(true, order(new ClientOrderId("c-spot"), Venue.SPOT, Side.BUY, "1"));
        FillApplied applied = ledger.recordOutcome(new ClientOrderId("c-spot"), OrderStatus.FILLED,
                report(new ClientOrderId("c-spot"), "1", "100", "0.001", "BTC"),
                0, null, false);
        assertThat(applied.quantity()).isEqualByComparingTo("1");
        PairRecord pair = ledger.pair(PAIR).orElseThrow();
        assertThat(pair.spot().quantity()).isEqualTo(new BigDecimal("0.999"));
        assertThat(pair.spot().entryPrice()).isEqualByComparingTo("100");
        assertThat(pair.fees()).isEqualByComparingTo("0.1");
        assertThat(ledger.fills()).singleElement().satisfies(f -> assertThat(f.feeUsdt()).isEqualByComparingTo("0.1"));
    }

    @Test
    void aFillReportedTwiceIsAppliedOnce() {
        begin(true, order(new ClientOrderId("c-perp"), Venue.USDM, Side.SELL, "1"));
        OrderReport filled = report(new ClientOrderId("c-perp"), "1", "100", "0.05", "USDT");
        assertThat(ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED, filled, 0, null,
                false).any()).isTrue();
        assertThat(ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED, filled, 0, null,
                false)).isEqualTo(FillApplied.NONE);
        assertThat(ledger.pair(PAIR).orElseThrow().perp().quantity()).isEqualTo(BigDecimal.ONE);
        assertThat(ledger.fills()).hasSize(1);
        assertThat(ledger.totalActiveNotional()).isEqualByComparingTo("100");
    }

    @Test
    void aPartialThenTheFullReportAppliesOnlyTheDeltaWithItsShareOfTheFee() {
        begin(true, order(new ClientOrderId("c-perp"), Venue.USDM, Side.SELL, "1"));
        ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.PARTIALLY_FILLED,
                report(new ClientOrderId("c-perp"), "0.4", "100", "0.04", "USDT"),
                0, null, false);
        FillApplied rest = ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED,
                report(new ClientOrderId("c-perp"), "1", "100", "0.12", "USDT"),
                0, null, false);
        assertThat(rest.quantity()).isEqualByComparingTo("0.6");
        assertThat(rest.fee()).isEqualByComparingTo("0.072");
        PairRecord pair = ledger.pair(PAIR).orElseThrow();
        assertThat(pair.perp().quantity()).isEqualTo(BigDecimal.ONE);
        assertThat(pair.fees()).isEqualByComparingTo("0.112");
        assertThat(ledger.order(new ClientOrderId("c-perp")).orElseThrow().executedQty()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void aShrinkIsCappedAtTheHeldQuantity() {
        begin(true, order(new ClientOrderId("c-open"), Venue.USDM, Side.SELL, "1"));
        ledger.recordOutcome(new ClientOrderId("c-open"), OrderStatus.FILLED, report(new ClientOrderId("c-open"), "1",
                "100", "0", ""), 0, null, false);
        begin(false, order(new ClientOrderId("c-close"), Venue.USDM, Side.BUY, "1.5"));
        FillApplied applied = ledger.recordOutcome(new ClientOrderId("c-close"), OrderStatus.FILLED,
                report(new ClientOrderId("c-close"), "1.5", "90", "0", ""),
                0, null, false);
        assertThat(applied.quantity()).isEqualByComparingTo("1.5");
        PairRecord pair = ledger.pair(PAIR).orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.CLOSING);
        assertThat(pair.perp().quantity().signum()).isZero();
        assertThat(pair.realisedPnl()).isEqualByComparingTo("10");
    }

    @Test
    void aFailingWriteThrowsAndChangesNothing() {
        begin(true, order(new ClientOrderId("c-perp"), Venue.USDM, Side.SELL, "1"));
        Map<ClientOrderId, OrderRecord> before = ledger.ordersById();
        PairRecord pairBefore = ledger.pair(PAIR).orElseThrow();
        ledger.failNextWrites(1);
        assertThatThrownBy(() -> ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED,
                report(new ClientOrderId("c-perp"), "1", "100", "0", ""),
                0, null, false)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(ledger.ordersById()).isEqualTo(before);
        assertThat(ledger.pair(PAIR)).contains(pairBefore);
        assertThat(ledger.fills()).isEmpty();
        assertThat(ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED,
                report(new ClientOrderId("c-perp"), "1", "100", "0", ""), 0, null,
                false).any()).isTrue();
    }

    @Test
    void aDownDatabaseRefusesReadsToo() {
        ledger.setDown(true);
        assertThatThrownBy(ledger::activePairs).isInstanceOf(DataAccessResourceFailureException.class);
        ledger.setDown(false);
        assertThat(ledger.activePairs()).isEmpty();
    }

    @Test
    void aWriteAheadWithAnExistingClientIdWritesNothingNotEvenTheClaim() {
        begin(true, order(new ClientOrderId("c-1"), Venue.SPOT, Side.BUY, "1"));
        PairRecord pairBefore = ledger.pair(PAIR).orElseThrow();
        clock.advanceMillis(10);
        assertThatThrownBy(() -> ledger.claimAndWriteAhead(signal(new SignalId("s2")), PAIR, PairState.CLOSING,
                List.of(order(new ClientOrderId("c-2"), Venue.SPOT, Side.SELL, "1"), order(new ClientOrderId("c-1"),
                        Venue.USDM, Side.BUY, "1"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.order(new ClientOrderId("c-2"))).isEmpty();
        assertThat(ledger.pair(PAIR)).contains(pairBefore);
        assertThat(ledger.order(new ClientOrderId("c-1")).orElseThrow().venue()).isEqualTo(Venue.SPOT);
        assertThat(ledger.signalOutcome(new SignalId("s2"))).isEmpty();
        assertThatThrownBy(() -> ledger.writeAhead(PAIR, SYMBOL, new SignalId("flatten-1"), PairState.CLOSING,
                List.of(order(new ClientOrderId("c-3"), Venue.SPOT, Side.SELL, "1"), order(new ClientOrderId("c-1"),
                        Venue.USDM, Side.BUY, "1"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.order(new ClientOrderId("c-3"))).isEmpty();
        assertThat(ledger.pair(PAIR)).contains(pairBefore);
    }

    @Test
    void aTradedPairThatGoesFlatCountsOnceAndRehearsalLeavesNothing() {
        ledger.rehearse(() -> begin(true, order(new ClientOrderId("c-r"), Venue.USDM, Side.SELL, "1")));
        assertThat(ledger.ordersById()).isEmpty();
        begin(true, order(new ClientOrderId("c-perp"), Venue.USDM, Side.SELL, "1"));
        ledger.recordOutcome(new ClientOrderId("c-perp"), OrderStatus.FILLED, report(new ClientOrderId("c-perp"), "1",
                "100", "0.05", "USDT"), 0, null, false);
        ledger.setPairState(PAIR, PairState.CLOSED, new SignalId("s1"));
        ledger.setPairState(PAIR, PairState.CLOSED, new SignalId("s1"));
        assertThat(ledger.closedNetPnl()).containsOnlyKeys(PAIR);
        assertThat(ledger.closedNetPnl().get(PAIR)).isEqualByComparingTo("-0.05");
        assertThat(ledger.activePair(SYMBOL)).isEmpty();
    }

    private void begin(boolean growing, OrderRecord... orders) {
        ledger.writeAhead(PAIR, SYMBOL, orders[0].signalId(), growing ? PairState.OPENING : PairState.CLOSING, List.of(orders));
    }

    private OrderRecord order(ClientOrderId clientOrderId, Venue venue, Side side, String quantity) {
        return new OrderRecord(clientOrderId, PAIR, new SignalId("s1"), SYMBOL, venue, side, new BigDecimal(quantity),
                false,
                OrderPurpose.OPEN, OrderStatus.NEW, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null,
                false, 0, 0, clock.instant());
    }

    private static OrderReport report(ClientOrderId clientOrderId, String executed, String price, String fee,
            String feeAsset) {
        return new OrderReport(clientOrderId, 42, OrderStatus.FILLED, new BigDecimal(executed), new BigDecimal(price),
                new BigDecimal(fee), feeAsset);
    }

    private static Signal signal(SignalId signalId) {
        return new Signal(signalId, SYMBOL, BigDecimal.ONE, new BigDecimal("100"), Signal.Reason.CARRY_ABOVE_ENTRY, 0.1,
                null, null, null, 0, Long.MAX_VALUE);
    }
}
