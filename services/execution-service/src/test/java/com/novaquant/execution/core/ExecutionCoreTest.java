package com.novaquant.execution.core;

import com.novaquant.events.Venue;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import com.novaquant.ids.PairId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.novaquant.execution.sim.VenueFaults.PlacementFault.REJECT_PERMANENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The execution core end to end on in-memory ports: the pair's life without a fault. */
class ExecutionCoreTest {

    private final SimDesk desk = new SimDesk(1, VenueFaults.none());

    @Test
    void anOpeningHoldsTheSpotNetOfCommissionAndTheShortInFull() {
        assertThat(desk.trade("0.5")).isEqualTo("FILLED");
        PairRecord pair = desk.pair().orElseThrow();
        assertThat(pair.state()).isEqualTo(PairState.OPEN);
        assertThat(pair.spot().quantity()).isEqualByComparingTo("0.4995");
        assertThat(pair.spotCommission()).isEqualByComparingTo("0.0005");
        assertThat(pair.perp().quantity()).isEqualByComparingTo("0.5");
        assertThat(desk.spotHeld()).isEqualByComparingTo("0.4995");
        assertThat(desk.perpShort()).isEqualByComparingTo("0.5");
    }

    @Test
    void aTwoLegExecutionIsTimedFromItsFirstRequestToItsSecondAnswer() {
        desk.trade("0.5");
        io.micrometer.core.instrument.Timer both = desk.meters.get("nova.execution.legs.answered").timer();
        io.micrometer.core.instrument.Timer slower = desk.meters.get("nova.execution.legs.slower.round.trip").timer();
        assertThat(both.count()).isEqualTo(1);
        assertThat(slower.count()).isEqualTo(1);
        assertThat(both.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isGreaterThanOrEqualTo(slower.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    @Test
    void aFullCloseSellsWhatSpotHoldsAndEndsClosed() {
        desk.trade("7.5");
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.pair()).isEmpty();
        assertThat(desk.perpShort()).isEqualByComparingTo("0");
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
        assertThat(desk.alerts).isEmpty();
    }

    /** A resize from the signal service is a new non-zero target on the open pair: only the difference trades. */
    @Test
    void anOpenPairResizedToLargerAndSmallerTargetsTradesOnlyTheDifferenceAndStaysHedged() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        PairId pairId = desk.pair().orElseThrow().pairId();

        assertThat(desk.trade("1.5")).isEqualTo("FILLED");
        PairRecord grown = desk.pair().orElseThrow();
        assertThat(grown.pairId()).isEqualTo(pairId);
        assertThat(grown.state()).isEqualTo(PairState.OPEN);
        assertThat(grown.perp().quantity()).isEqualByComparingTo("1.5");
        assertThat(desk.perpShort()).isEqualByComparingTo("1.5");
        // spot holds the target less the buys' commission in kind (0.1 % of 1 and of 0.5)
        assertThat(desk.spotHeld()).isEqualByComparingTo("1.4985");

        assertThat(desk.trade("0.6")).isEqualTo("FILLED");
        PairRecord shrunk = desk.pair().orElseThrow();
        assertThat(shrunk.pairId()).isEqualTo(pairId);
        assertThat(shrunk.perp().quantity()).isEqualByComparingTo("0.6");
        assertThat(desk.perpShort()).isEqualByComparingTo("0.6");
        assertThat(desk.spotHeld().subtract(desk.perpShort()).abs()).isLessThan(new BigDecimal("0.002"));
        assertThat(desk.reconciler.reconcile()).isEmpty();
        assertThat(desk.alerts).isEmpty();
    }

    @Test
    void aCloseAfterASpotBuyLearnedByQueryEndsFlatWithItsCommissionBooked() {
        // The buy's answer is lost; the query that finds it carries no commission, as Binance's does not.
        desk.venue.script(Venue.SPOT, VenueFaults.PlacementFault.AMBIGUOUS_FILLED);
        assertThat(desk.trade("2")).isEqualTo("FILLED");
        assertThat(desk.pair().orElseThrow().spot().quantity()).isEqualByComparingTo("2");
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.pair().orElseThrow().spotCommission()).isEqualByComparingTo("0.002");
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.pair()).isEmpty();
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
        assertThat(desk.reconciler.reconcile()).isEmpty();
    }

    @Test
    void aRejectedPerpOnAnOpeningIsUnwoundWithOneCritical() {
        desk.venue.script(Venue.USDM, REJECT_PERMANENT);
        assertThat(desk.trade("0.2")).isEqualTo("UNWOUND");
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
        assertThat(desk.criticals("LEG_RISK")).hasSize(1);
        assertThat(desk.killSwitch.engaged()).isTrue();
        assertThat(desk.ledger.pair(desk.ledger.ordersById().values().iterator().next().pairId()).orElseThrow().state())
                .isEqualTo(PairState.UNWOUND);
        assertThat(desk.venue.duplicateSends()).isZero();
    }
}
