package com.novaquant.execution.core;

import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record on {@code nova.signals} is trusted only as far as execution can check it: the cases that a forged or
 * broken sender could use, each refused before anything is recorded or sent.
 */
class SignalTrustTest {

    private final SimDesk desk = new SimDesk(11, VenueFaults.none());

    @Test
    void aSymbolOutsideTheDesksListIsRefusedBeforeAnythingIsRecorded() {
        Signal doge = desk.signal("DOGEUSDT", BigDecimal.ONE, SimDesk.ETH_BID, SimDesk.ETH_ASK);

        assertThat(desk.core.engine().onSignal(doge)).isEqualTo("UNLISTED_SYMBOL");
        assertThat(desk.venue.executions()).isEmpty();
        assertThat(desk.ledger.ordersById()).isEmpty();
    }

    @Test
    void quotesDatedAheadOfThisClockAreRefusedNotTakenAsFresh() {
        Signal honest = desk.signal(new BigDecimal("0.01"));
        long aheadMicros = honest.decidedAtMicros() + 60_000_000L;
        Quote spot = honest.spot();
        Quote forgedSpot = new Quote(spot.symbol(), spot.venue(), spot.bidPrice(), spot.bidQty(), spot.askPrice(),
                spot.askQty(), spot.updateId(), spot.exchangeTimeMs(), aheadMicros);
        Signal forged = new Signal(honest.signalId(), honest.symbol(), honest.targetBaseQty(), honest.targetNotional(),
                honest.reason(), honest.expectedCarryApr(), forgedSpot, honest.perp(), honest.funding(), honest.decidedAtMicros(),
                honest.expiresAtMs());

        assertThat(desk.core.engine().onSignal(forged)).isEqualTo("FUTURE_DATED");
        assertThat(desk.venue.executions()).isEmpty();
    }

    @Test
    void aSignalMeantToLiveForADayIsRefused() {
        Signal honest = desk.signal(new BigDecimal("0.01"));
        Signal everlasting = new Signal(honest.signalId(), honest.symbol(), honest.targetBaseQty(),
                honest.targetNotional(), honest.reason(), honest.expectedCarryApr(), honest.spot(), honest.perp(),
                honest.funding(), honest.decidedAtMicros(), honest.expiresAtMs() + 86_400_000L);

        assertThat(desk.core.engine().onSignal(everlasting)).isEqualTo("FUTURE_DATED");
        assertThat(desk.core.engine().onSignal(honest)).isEqualTo("FILLED");
    }
}
