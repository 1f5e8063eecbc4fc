package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trade cut short by a failure (the database gone mid-trade, an adapter bug) is an incident: its orders may be
 * unresolved. Held before anything else can fail: the symbol takes no decision until reconciliation has resolved
 * it, the kill switch is engaged (memory first), and one CRITICAL is raised for the execution.
 */
class CutShortTrades {

    private static final Logger log = LoggerFactory.getLogger(CutShortTrades.class);

    private final UnresolvedSymbols unresolved;
    private final KillSwitch killSwitch;
    private final Alerts alerts;

    CutShortTrades(UnresolvedSymbols unresolved, KillSwitch killSwitch, Alerts alerts) {
        this.unresolved = unresolved;
        this.killSwitch = killSwitch;
        this.alerts = alerts;
    }

    void cutShort(Execution ex, RuntimeException e) {
        log.error("Execution of {} (pair {}, signal {}) cut short: {}", ex.symbol(), ex.pairId(), ex.signalId(),
                e.toString(), e);
        unresolved.add(ex.symbol());
        String why = "execution of " + ex.symbol() + " pair " + ex.pairId() + " cut short: " + e;
        killSwitch.engage("EXECUTION_FAILED " + why, "execution-service");
        alerts.raise(Severity.CRITICAL, "EXECUTION_FAILED", "EXECUTION FAILED mid-trade: " + why + ". Orders may be"
                + " unresolved; " + ex.symbol() + " held until reconciled. System Halted.", "execution-failed-" + ex.signalId());
    }
}
