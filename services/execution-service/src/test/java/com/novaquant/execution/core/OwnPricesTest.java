package com.novaquant.execution.core;

import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.ExecutionProperties;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Execution checks a signal's prices against its own view of the venue (its own book tickers) and computes a growing
 * trade's limits from that view, since its orders are MARKET orders: a signal with wrong or stale prices cannot pass
 * a limit. A trade that only reduces exposure never waits on or is refused for that view.
 */
class OwnPricesTest {

    private final SimDesk desk = new SimDesk(21, VenueFaults.none());

    /** A signal for {@code target} BTC whose quotes show {@code bid}/{@code bid + 0.10} on both venues. */
    private Signal signalAt(String target, String bid) {
        BigDecimal b = new BigDecimal(bid);
        return desk.signal(SimDesk.SYMBOL, new BigDecimal(target), b, b.add(new BigDecimal("0.10")));
    }

    private double refusals(String reason) {
        return desk.meters.get("nova.execution.pretrade.refusals").tag("reason", reason).counter().count();
    }

    @Test
    void aSignalWhosePricesAreOffTheVenuesBandIsRefusedBeforeAnyOrder() {
        // The venue shows 100000.00 / 100000.10; the signal claims 1 % less.
        Signal cheap = signalAt("0.5", "99000.00");

        assertThat(desk.core.engine().onSignal(cheap)).isEqualTo("PRICE_OFF_BAND");
        assertThat(desk.venue.ordersPlaced()).isZero();
        assertThat(desk.ledger.ordersById()).isEmpty();
        assertThat(desk.pair()).isEmpty();
        assertThat(refusals("PRICE_OFF_BAND")).isEqualTo(1.0);
        assertThat(desk.meters.get("nova.execution.signals").tag("outcome", "PRICE_OFF_BAND").counter().count())
                .isEqualTo(1.0);
        // 0.4 % off is inside the 0.5 % band; on the venue's book it is a trade like any other.
        assertThat(desk.core.engine().onSignal(signalAt("0.5", "99600.00"))).isEqualTo("FILLED");
    }

    @Test
    void limitsAreComputedFromExecutionsOwnPricesNotTheSignals() {
        SimDesk limited = new SimDesk(21, VenueFaults.none(), new ExecutionProperties.Risk(new BigDecimal("50000"),
                new BigDecimal("100000"), new BigDecimal("3"), new BigDecimal("1000")));
        // 0.502 at the signal's perp bid (0.4 % under the venue, inside the band) is 49999.2, under the 50000 limit;
        // at the venue's 100000.00 it is 50200.
        BigDecimal understated = new BigDecimal("99600.00");
        Signal signal = limited.signal(SimDesk.SYMBOL, new BigDecimal("0.502"), understated,
                understated.add(new BigDecimal("0.10")));

        assertThat(limited.core.engine().onSignal(signal)).isEqualTo("SYMBOL_LIMIT");
        assertThat(limited.venue.ordersPlaced()).isZero();
        assertThat(limited.ledger.ordersById()).isEmpty();

        SimDesk totalLimited = new SimDesk(21, VenueFaults.none(), new ExecutionProperties.Risk(new BigDecimal("1E+12"),
                new BigDecimal("50000"), new BigDecimal("3"), new BigDecimal("1000")));
        Signal same = totalLimited.signal(SimDesk.SYMBOL, new BigDecimal("0.502"), understated,
                understated.add(new BigDecimal("0.10")));
        assertThat(totalLimited.core.engine().onSignal(same)).isEqualTo("TOTAL_LIMIT");
        assertThat(totalLimited.venue.ordersPlaced()).isZero();

        // Under the limit at the venue's prices: it trades.
        assertThat(limited.trade("0.499")).isEqualTo("FILLED");
    }

    @Test
    void aCloseGoesThroughWithNoOwnPriceView() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        desk.ownPrices.goDark();

        assertThat(desk.trade("2")).as("growth needs the view").isEqualTo("OWN_PRICES_STALE");
        assertThat(refusals("OWN_PRICES_STALE")).isEqualTo(1.0);
        assertThat(desk.trade("0.5")).as("a reduction").isEqualTo("FILLED");
        assertThat(desk.trade("0")).as("a close").isEqualTo("FILLED");
        assertThat(desk.pair()).isEmpty();
        assertThat(desk.perpShort()).isZero();
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
    }

    @Test
    void anOpeningOnAStaleOwnViewIsRefusedAndACloseGoesThroughOnIt() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        // The streams fell silent 3 s ago: older than the 2 s quote age limit.
        desk.ownPrices.lag(Duration.ofSeconds(3));
        assertThat(desk.trade("2")).isEqualTo("OWN_PRICES_STALE");
        assertThat(desk.venue.ordersPlaced()).isEqualTo(2);
        // Only the perp side missing is as good as none.
        desk.ownPrices.restore();
        desk.ownPrices.goDark(Venue.USDM);
        assertThat(desk.trade("2")).isEqualTo("OWN_PRICES_STALE");
        desk.ownPrices.lag(Duration.ofSeconds(3));
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.pair()).isEmpty();
    }

    @Test
    void aReductionIsNeverRefusedForPricesOffTheBand() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        // A signal 10 % off the venue, fresh view: a growth would be refused, the close is not.
        assertThat(desk.core.engine().onSignal(signalAt("2", "90000.00"))).isEqualTo("PRICE_OFF_BAND");
        assertThat(desk.core.engine().onSignal(signalAt("0", "90000.00"))).isEqualTo("FILLED");
        assertThat(desk.pair()).isEmpty();
    }

    @Test
    void aFlattenNeedsNoOwnPriceView() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        desk.ownPrices.goDark();
        assertThat(desk.core.operator().flatten("no market data", "operator")).isEqualTo(1);
        assertThat(desk.pair()).isEmpty();
        assertThat(desk.perpShort()).isZero();
    }
}
