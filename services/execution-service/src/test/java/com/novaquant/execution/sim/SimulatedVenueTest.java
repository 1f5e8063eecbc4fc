package com.novaquant.execution.sim;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.VenueUnavailableException;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.ClientOrderId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedVenueTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BTC = "BTCUSDT";
    private static final SymbolFilters SPOT = new SymbolFilters(new BigDecimal("0.00001"), new BigDecimal("0.00001"),
            new BigDecimal("9000"), new BigDecimal("5"));
    private static final SymbolFilters PERP = new SymbolFilters(new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("120"), new BigDecimal("100"));

    private SimClock clock;

    private SimulatedVenue venue(VenueFaults faults, long seed) {
        clock = new SimClock(START);
        SimulatedVenue venue = new SimulatedVenue(clock, new Random(seed), faults);
        venue.addSymbol(BTC, "BTC", SPOT, PERP, new BigDecimal("50000"), new BigDecimal("50010"));
        venue.deposit("USDT", new BigDecimal("1000000"));
        venue.depositFutures(new BigDecimal("1000000"));
        return venue;
    }

    private static LegOrder spot(String id, Side side, String qty) {
        return new LegOrder(new ClientOrderId(id), BTC, Venue.SPOT, side, new BigDecimal(qty), false,
                OrderPurpose.OPEN);
    }

    private static LegOrder perp(String id, Side side, String qty, boolean reduceOnly) {
        return new LegOrder(new ClientOrderId(id), BTC, Venue.USDM, side, new BigDecimal(qty), reduceOnly,
                OrderPurpose.OPEN);
    }

    private static OrderReport accepted(PlacementOutcome outcome) {
        assertThat(outcome).isInstanceOf(PlacementOutcome.Accepted.class);
        return ((PlacementOutcome.Accepted) outcome).report();
    }

    @Test
    void spotBuyFillsAtTheAskAndNetsTheCommissionInTheBaseAsset() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);

        OrderReport report = accepted(venue.place(spot("b-1", Side.BUY, "0.01")));

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.executedQty()).isEqualByComparingTo("0.01");
        assertThat(report.avgPrice()).isEqualByComparingTo("50010");
        assertThat(report.fee()).isEqualByComparingTo("0.00001");
        assertThat(report.feeAsset()).isEqualTo("BTC");
        assertThat(venue.spotHolding("BTC")).isEqualByComparingTo("0.00999");
        assertThat(venue.spotHolding("USDT")).isEqualByComparingTo("999499.9");
        assertThat(venue.account().balancesOf("BTC").spotBaseFree()).isEqualByComparingTo("0.00999");
    }

    @Test
    void perpShortReportsNoFeeButKeepsTheTrueCommission() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);

        OrderReport report = accepted(venue.place(perp("f-1", Side.SELL, "0.01", false)));

        assertThat(report.avgPrice()).isEqualByComparingTo("50000");
        assertThat(report.fee()).isZero();
        assertThat(report.feeAsset()).isEmpty();
        assertThat(venue.perpPosition(BTC)).isEqualByComparingTo("-0.01");
        assertThat(venue.commissions()).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("0.25"));
        assertThat(venue.futuresWallet()).isEqualByComparingTo("999999.75");
        assertThat(venue.account().futuresAvailable()).isEqualByComparingTo("999749.75"); // 500 notional at leverage 2
        assertThat(venue.perpPositions()).singleElement()
                .satisfies(p -> assertThat(p.liquidationPrice()).isEqualByComparingTo("75000"));
    }

    @Test
    void aReusedClientIdIsRejectedAndCounted() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);
        accepted(venue.place(spot("b-1", Side.BUY, "0.01")));

        assertThat(venue.place(spot("b-1", Side.BUY, "0.01")))
                .isEqualTo(new PlacementOutcome.Rejected(-2010, "Duplicate order sent.", false));
        accepted(venue.place(perp("f-1", Side.SELL, "0.01", false)));
        assertThat(venue.place(perp("f-1", Side.SELL, "0.01", false)))
                .isEqualTo(new PlacementOutcome.Rejected(-4116, "ClientOrderId is duplicated.", false));

        assertThat(venue.duplicateSends()).isEqualTo(2);
        assertThat(venue.sentIds(Venue.SPOT)).containsExactly(new ClientOrderId("b-1"), new ClientOrderId("b-1"));
        assertThat(venue.executions()).hasSize(2);
        assertThat(venue.ordersPlaced()).isEqualTo(4);
    }

    @Test
    void anIdWhoseOrderWasRefusedMayBeSentAgain() {
        SimulatedVenue venue = venue(VenueFaults.none().withRejectRetryable(1), 1);
        assertThat(venue.place(spot("b-1", Side.BUY, "0.01")))
                .isEqualTo(new PlacementOutcome.Rejected(-1003, "Too many requests.", true));

        venue.setFaults(VenueFaults.none());
        accepted(venue.place(spot("b-1", Side.BUY, "0.01")));

        assertThat(venue.duplicateSends()).isZero();
    }

    @Test
    void reduceOnlyIsExemptFromTheMinimumNotionalButAnOpeningOrderIsNot() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);
        accepted(venue.place(perp("f-1", Side.SELL, "0.01", false)));

        // 0.001 * 50005 = 50 USDT, below the 100 USDT minimum
        assertThat(venue.place(perp("f-2", Side.SELL, "0.001", false))).isInstanceOfSatisfying(
                PlacementOutcome.Rejected.class, r -> assertThat(r.code()).isEqualTo(-4164));
        assertThat(accepted(venue.place(perp("f-3", Side.BUY, "0.001", true))).status())
                .isEqualTo(OrderStatus.FILLED);
        assertThat(venue.perpPosition(BTC)).isEqualByComparingTo("-0.009");

        OrderReport cut = accepted(venue.place(perp("f-4", Side.BUY, "0.05", true)));
        assertThat(cut.executedQty()).isEqualByComparingTo("0.009"); // never flips to long
        assertThat(venue.perpPosition(BTC)).isZero();
    }

    @Test
    void reduceOnlyBuyWithoutAShortAndUnaffordableOrdersAreRefusedForGood() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);

        assertThat(venue.place(perp("f-1", Side.BUY, "0.01", true)))
                .isEqualTo(new PlacementOutcome.Rejected(-2022, "ReduceOnly Order is rejected.", false));
        assertThat(venue.place(spot("s-1", Side.SELL, "0.01"))).isInstanceOfSatisfying(
                PlacementOutcome.Rejected.class, r -> assertThat(r.code()).isEqualTo(-2010));
        assertThat(venue.place(spot("s-2", Side.BUY, "0.010001"))).isEqualTo(
                new PlacementOutcome.Rejected(-1013, "Filter failure: LOT_SIZE", false));
        assertThat(venue.place(perp("f-2", Side.SELL, "100", false))) // 5 M notional needs 2.5 M margin
                .isEqualTo(new PlacementOutcome.Rejected(-2019, "Margin is insufficient.", false));
        assertThat(venue.executions()).isEmpty();
    }

    @Test
    void aLateOrderIsNotFoundBeforeItsArrivalAndFoundAfter() {
        SimulatedVenue venue = venue(VenueFaults.none().withAmbiguousLate(1), 3);
        long sentAt = clock.millis();

        assertThat(venue.place(spot("b-1", Side.BUY, "0.01"))).isInstanceOf(PlacementOutcome.Unknown.class);
        assertThat(venue.query(Venue.SPOT, BTC, new ClientOrderId("b-1"))).isEqualTo(new QueryOutcome.NotFound());
        assertThat(venue.pendingArrivals()).isEqualTo(1);

        clock.advance(venue.recvWindow());
        assertThat(venue.query(Venue.SPOT, BTC,
                new ClientOrderId("b-1"))).isInstanceOfSatisfying(QueryOutcome.Found.class,
                f -> assertThat(f.report().status()).isEqualTo(OrderStatus.FILLED));
        assertThat(venue.executions()).singleElement().satisfies(e -> assertThat(e.at().toEpochMilli() - sentAt)
                .isBetween(1L, venue.recvWindow().toMillis() * 8 / 10));
    }

    @Test
    void lateOrdersLandLazilyAndNeverAfterTheirRecvWindow() {
        for (long seed = 0; seed < 200; seed++) {
            SimulatedVenue venue = venue(VenueFaults.none().withAmbiguousLate(1).withMaxLatencyMs(50), seed);
            venue.setRecvWindow(Duration.ofSeconds(2));
            long sentAt = clock.millis();
            venue.place(perp("f-" + seed, Side.SELL, "0.01", false));

            clock.advance(Duration.ofSeconds(10));
            assertThat(venue.exchangeTimeMs(Venue.USDM)).isEqualTo(clock.millis()); // any call lands it
            assertThat(venue.pendingArrivals()).isZero();
            assertThat(venue.perpPosition(BTC)).isEqualByComparingTo("-0.01");
            assertThat(venue.executions().getFirst().at().toEpochMilli() - sentAt).isBetween(1L, 1_600L);
        }
    }

    @Test
    void ambiguousAnswersHideAFillOrALoss() {
        SimulatedVenue filled = venue(VenueFaults.none().withAmbiguousFilled(1), 1);
        assertThat(filled.place(spot("b-1", Side.BUY, "0.01"))).isInstanceOf(PlacementOutcome.Unknown.class);
        assertThat(filled.query(Venue.SPOT, BTC, new ClientOrderId("b-1"))).isInstanceOf(QueryOutcome.Found.class);

        SimulatedVenue lost = venue(VenueFaults.none().withAmbiguousLost(1), 1);
        assertThat(lost.place(spot("b-1", Side.BUY, "0.01"))).isInstanceOf(PlacementOutcome.Unknown.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(lost.query(Venue.SPOT, BTC, new ClientOrderId("b-1"))).isEqualTo(new QueryOutcome.NotFound());
        assertThat(lost.spotHolding("BTC")).isZero();
    }

    @Test
    void aPartialFillIsAWholeNumberOfStepsBelowTheQuantity() {
        for (long seed = 0; seed < 50; seed++) {
            SimulatedVenue venue = venue(VenueFaults.none().withPartialFill(1), seed);

            OrderReport report = accepted(venue.place(perp("f-1", Side.SELL, "0.01", false)));

            assertThat(report.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(report.executedQty()).isLessThan(new BigDecimal("0.01"));
            assertThat(PERP.onStep(report.executedQty())).isTrue();
            assertThat(venue.perpPosition(BTC)).isEqualByComparingTo(report.executedQty().negate());
            if (report.executedQty().signum() == 0) {
                assertThat(report.avgPrice()).isZero();
                assertThat(venue.executions()).isEmpty();
            }
        }
    }

    @Test
    void aBanFailsEveryCallUntilItEnds() {
        SimulatedVenue venue = venue(VenueFaults.none(), 1);
        accepted(venue.place(perp("f-1", Side.SELL, "0.01", false)));
        venue.banUntil(START.plusSeconds(10));

        assertThatThrownBy(venue::account).isInstanceOf(VenueUnavailableException.class);
        assertThatThrownBy(venue::perpPositions).isInstanceOf(VenueUnavailableException.class);
        assertThatThrownBy(venue::marginAccount).isInstanceOf(VenueUnavailableException.class);
        assertThatThrownBy(() -> venue.openOrders(Venue.USDM, BTC)).isInstanceOf(VenueUnavailableException.class);
        assertThatThrownBy(() -> venue.filters(Venue.SPOT, BTC)).isInstanceOf(VenueUnavailableException.class);
        assertThat(venue.query(Venue.USDM, BTC, new ClientOrderId("f-1"))).isInstanceOf(QueryOutcome.Failed.class);
        assertThat(venue.place(spot("b-1", Side.BUY, "0.01"))).isInstanceOfSatisfying(PlacementOutcome.Rejected.class,
                r -> assertThat(r.code() == -1003 && r.retryable()).isTrue());

        clock.advance(Duration.ofSeconds(10));
        assertThat(venue.perpPositions()).hasSize(1);
        venue.liquidateShort(BTC);
        assertThat(venue.perpPositions()).isEmpty();
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        List<String> first = chaosRun(42);

        assertThat(chaosRun(42)).isEqualTo(first);
        assertThat(chaosRun(43)).isNotEqualTo(first);
        long faulted = first.stream().filter(line -> line.startsWith("trade ") && line.contains("faulted")).count();
        assertThat(faulted).isBetween(40L, 110L); // of 200 trades: about one in three
    }

    /** Two legs per trade, then a query of each and a read, under chaos: every answer and fill, in order. */
    private List<String> chaosRun(long seed) {
        SimulatedVenue venue = venue(VenueFaults.chaos(), seed);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PlacementOutcome spotLeg = venue.place(spot("s-" + i, Side.BUY, "0.01"));
            PlacementOutcome perpLeg = venue.place(perp("f-" + i, Side.SELL, "0.01", false));
            boolean clean = filled(spotLeg) && filled(perpLeg);
            log.add("trade " + i + (clean ? " clean " : " faulted ") + spotLeg + " " + perpLeg);
            log.add(venue.query(Venue.SPOT, BTC, new ClientOrderId("s-" + i)) + " " + venue.query(Venue.USDM, BTC,
                    new ClientOrderId("f-" + i)));
            try {
                log.add(venue.account().toString());
            } catch (VenueUnavailableException e) {
                log.add("unavailable " + e.getMessage());
            }
            clock.advanceMillis(100);
        }
        venue.executions().forEach(e -> log.add(e.toString()));
        log.add("clock " + clock.instant() + " duplicates " + venue.duplicateSends());
        return log;
    }

    private static boolean filled(PlacementOutcome outcome) {
        return outcome instanceof PlacementOutcome.Accepted a && a.report().status() == OrderStatus.FILLED;
    }
}
