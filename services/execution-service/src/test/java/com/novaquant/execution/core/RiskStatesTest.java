package com.novaquant.execution.core;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Severity;
import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import com.novaquant.ids.ClientOrderId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's risk states on the execution core: a HALT (the kill switch, a reconciliation hold, an exchange that
 * cannot be read, a gated feed) stops growth and never a close; FROZEN stops every signal-driven trade but not what an
 * operator orders; an incident on one symbol never blocks another symbol's close.
 */
class RiskStatesTest {

    private final SimDesk desk = new SimDesk(11, VenueFaults.none());

    @Test
    void aLegRiskIncidentOnOneSymbolStillLetsAnotherSymbolsPairCloseOnBothLegs() {
        desk.listEth();
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        // ETH's opening: the spot leg fills, every later order is refused for good: the hedge and every unwind.
        desk.venue.setFaults(VenueFaults.none().withRejectRetryable(1.0));
        desk.venue.script(Venue.SPOT, VenueFaults.PlacementFault.NONE);
        assertThat(desk.tradeEth("10")).isEqualTo("UNRESOLVED");
        assertThat(desk.killSwitch.mode()).isEqualTo(DeskMode.HALTED);
        assertThat(desk.criticals("LEG_RISK")).isNotEmpty();
        desk.venue.setFaults(VenueFaults.none());

        // Funding turned negative on BTC: its close goes through on both legs.
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isZero();
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
        assertThat(desk.ledger.allPairs()).filteredOn(p -> p.symbol().equals(SimDesk.SYMBOL))
                .extracting(p -> p.state()).containsOnly(PairState.CLOSED);
        // ... while nothing opens anywhere.
        assertThat(desk.trade("1")).isEqualTo("KILL_SWITCH");
    }

    @Test
    void aKillSwitchEngagedWhileTheDatabaseIsDownIsWrittenWhenItIsBackAndSurvivesARestart() {
        desk.ledger.setDown(true);
        assertThat(desk.killSwitch.engage("reconnect storm on spot", "ingestion-service")).isTrue();
        assertThat(desk.killSwitch.mode()).isEqualTo(DeskMode.HALTED);
        assertThat(desk.killSwitch.unpersisted()).isTrue();
        assertThat(desk.killSwitch.persistPending()).as("still down").isFalse();

        desk.ledger.setDown(false);
        assertThat(desk.killSwitch.persistPending()).isTrue();
        assertThat(desk.killSwitch.unpersisted()).isFalse();

        SimDesk restarted = desk.restart();
        assertThat(restarted.killSwitch.mode()).isEqualTo(DeskMode.HALTED);
        assertThat(restarted.killSwitch.current().reason()).isEqualTo("reconnect storm on spot");
        assertThat(restarted.trade("1")).isEqualTo("KILL_SWITCH");
    }

    @Test
    void aStateChangedWhileTheLedgerWasAwayIsNotReplacedByTheLedgersOlderStateWhenTheLeaseIsRetaken() {
        desk.killSwitch.engage("first", "operator");
        desk.killSwitch.release("all clear", "operator");
        desk.ledger.setDown(true);
        desk.killSwitch.freeze("margin", "execution-service");
        desk.ledger.setDown(false);

        desk.killSwitch.restore();
        assertThat(desk.killSwitch.mode()).isEqualTo(DeskMode.FROZEN);
        assertThat(desk.ledger.latestKillSwitch()).get().extracting(s -> s.mode()).isEqualTo(DeskMode.FROZEN);
    }

    @Test
    void aReconciliationHoldStillLetsACloseThroughAndAlertsOncePerStateChange() {
        desk.listEth();
        assertThat(desk.trade("2")).isEqualTo("FILLED");
        // A short the ledger knows nothing of.
        desk.venue.place(new LegOrder(new ClientOrderId("stray-1"), SimDesk.ETH, Venue.USDM, Side.SELL, BigDecimal.ONE,
                false,
                OrderPurpose.OPEN));
        assertThat(desk.reconciler.reconcile()).isNotEmpty();
        assertThat(desk.reconciler.reconcile()).isNotEmpty();
        assertThat(desk.criticals("RECONCILIATION_MISMATCH")).hasSize(1);
        assertThat(desk.killSwitch.engaged()).as("a hold that heals by itself, not the human switch").isFalse();

        assertThat(desk.trade("3")).isEqualTo("TRADING_HELD");
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isEqualByComparingTo("1");

        desk.venue.place(new LegOrder(new ClientOrderId("stray-2"), SimDesk.ETH, Venue.USDM, Side.BUY, BigDecimal.ONE,
                true,
                OrderPurpose.CLOSE));
        assertThat(desk.reconciler.reconcile()).isEmpty();
        assertThat(desk.alerts).filteredOn(a -> a.code().equals("RECONCILIATION_MISMATCH")
                && a.severity() == Severity.INFO).hasSize(1);
        assertThat(desk.trade("3")).isEqualTo("FILLED");
    }

    @Test
    void anExchangeThatCannotBeReadHaltsGrowthWithOneWarningAndHealsByItself() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        desk.venue.banUntil(Instant.ofEpochMilli(desk.clock.millis() + 60_000));
        assertThat(desk.reconciler.reconcile()).isNotEmpty();
        assertThat(desk.reconciler.reconcile()).isNotEmpty();
        assertThat(desk.alerts).filteredOn(a -> a.code().equals("EXCHANGE_UNREADABLE")).hasSize(1)
                .allMatch(a -> a.severity() == Severity.WARNING);
        assertThat(desk.alerts).noneMatch(a -> a.severity() == Severity.CRITICAL);
        assertThat(desk.gate.held()).isTrue();

        desk.venue.banUntil(Instant.ofEpochMilli(desk.clock.millis() - 1));
        assertThat(desk.reconciler.reconcile()).isEmpty();
        assertThat(desk.gate.held()).isFalse();
        assertThat(desk.trade("2")).isEqualTo("FILLED");
    }

    @Test
    void aFrozenDeskRefusesEvenACloseButAnOperatorFlattenStillCloses() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.killSwitch.freeze("forged signal seen", "operator")).isTrue();
        assertThat(desk.criticals("KILL_SWITCH")).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("FROZEN").contains("/resume"));

        assertThat(desk.trade("0")).isEqualTo("FROZEN");
        assertThat(desk.trade("2")).isEqualTo("FROZEN");
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
        // An operator's order still moves, and flatten does not soften FROZEN into HALTED.
        assertThat(desk.core.operator().flatten("close everything", "operator")).isEqualTo(1);
        assertThat(desk.perpShort()).isZero();
        assertThat(desk.killSwitch.mode()).isEqualTo(DeskMode.FROZEN);
    }

    @Test
    void aFrozenDeskMakesNoAutomaticRepair() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        desk.killSwitch.freeze("venue answers nonsense", "operator");
        // Half the spot leg gone from the account: the pair is naked short, a repair would buy it back.
        desk.venue.place(new LegOrder(new ClientOrderId("stray-3"), SimDesk.SYMBOL, Venue.SPOT, Side.SELL,
                new BigDecimal("0.5"), false,
                OrderPurpose.CLOSE));
        long orders = desk.venue.executions().size();
        desk.reconciler.reconcile();
        assertThat(desk.venue.executions()).hasSize((int) orders);
    }

    @Test
    void aGatedFeedRefusesGrowthOnItsSymbolOnlyAndLetsItsCloseThrough() {
        desk.listEth();
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        desk.feedGates.put(SimDesk.SYMBOL, "USD-M frames lagging >200ms");
        assertThat(desk.trade("2")).isEqualTo("FEED_GATED");
        assertThat(desk.tradeEth("1")).isEqualTo("FILLED");
        assertThat(desk.trade("0")).isEqualTo("FILLED");
        assertThat(desk.killSwitch.engaged()).isFalse();
        desk.feedGates.remove(SimDesk.SYMBOL);
        assertThat(desk.trade("1")).isEqualTo("FILLED");
    }

    @Test
    void aBrokenPairHoldsOnlyItsOwnSymbol() {
        desk.listEth();
        assertThat(desk.tradeEth("1")).isEqualTo("FILLED");
        desk.venue.setFaults(VenueFaults.none().withRejectRetryable(1.0));
        desk.venue.script(Venue.SPOT, VenueFaults.PlacementFault.NONE);
        assertThat(desk.trade("1")).isEqualTo("UNRESOLVED");
        desk.venue.setFaults(VenueFaults.none());
        desk.killSwitch.release("incident understood", "operator");

        assertThat(desk.tradeEth("2")).isEqualTo("FILLED");
        assertThat(desk.trade("2")).isIn("PAIR_BROKEN", "TRADING_HELD");
    }
}
