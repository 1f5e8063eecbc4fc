package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a started trade to its end off the desk: waits for both legs, settles them, records the signal's outcome,
 * then frees the symbol. A trade cut short by a failure (the database gone mid-trade) is an incident: the kill
 * switch is engaged, a CRITICAL raised, and the symbol takes no decision until reconciliation has resolved it.
 */
class TradeRunner {

    private static final Logger log = LoggerFactory.getLogger(TradeRunner.class);

    private final LegRiskSettlement settlement;
    private final Ledger ledger;
    private final AccountBook account;
    private final Desk desk;
    private final UnresolvedSymbols unresolved;
    private final KillSwitch killSwitch;
    private final Alerts alerts;
    private final ExecutionMetrics metrics;
    private final Executor executor;

    TradeRunner(LegRiskSettlement settlement, Ledger ledger, AccountBook account, Desk desk,
                UnresolvedSymbols unresolved, KillSwitch killSwitch, Alerts alerts, ExecutionMetrics metrics,
                Executor executor) {
        this.settlement = settlement;
        this.ledger = ledger;
        this.account = account;
        this.desk = desk;
        this.unresolved = unresolved;
        this.killSwitch = killSwitch;
        this.alerts = alerts;
        this.metrics = metrics;
        this.executor = executor;
    }

    CompletableFuture<String> run(Execution ex, LegDispatcher.Legs legs, AccountBook.Trade hold, BigDecimal notional,
                                  long deliveryMicros) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Runnable trade = () -> runTrade(ex, legs, hold, notional, deliveryMicros, outcome);
        try {
            executor.execute(trade);
        } catch (RejectedExecutionException e) {
            // Shutting down with both legs out: settle them here rather than leave them unanswered.
            trade.run();
        }
        return outcome;
    }

    private void runTrade(Execution ex, LegDispatcher.Legs legs, AccountBook.Trade hold, BigDecimal notional,
                          long deliveryMicros, CompletableFuture<String> outcome) {
        try {
            legs.await();
            String code = settlement.settle(ex, legs.startedAt(), legs.startNanos());
            ledger.completeSignal(ex.signalId(), code, null);
            metrics.signal(code);
            log.info("Signal {} {}: {} (taken {} ms after it was decided, orders sent {} ms after)", ex.signalId(),
                    ex.symbol(), code, deliveryMicros / 1000,
                    (EpochMicros.of(legs.startedAt()) - ex.signalDecidedAtMicros()) / 1000);
            outcome.complete(code);
        } catch (RuntimeException e) {
            cutShort(ex, e);
            outcome.completeExceptionally(e);
        } finally {
            ended(ex.symbol(), hold, notional);
        }
    }

    /** Held before anything else can fail: the symbol, then the kill switch (memory first), then the alert. */
    private void cutShort(Execution ex, RuntimeException e) {
        log.error("Execution of {} (pair {}, signal {}) cut short: {}", ex.symbol(), ex.pairId(), ex.signalId(),
                e.toString(), e);
        unresolved.add(ex.symbol());
        String why = "execution of " + ex.symbol() + " pair " + ex.pairId() + " cut short: " + e;
        killSwitch.engage("EXECUTION_FAILED " + why, "execution-service");
        alerts.raise(Severity.CRITICAL, "EXECUTION_FAILED", "EXECUTION FAILED mid-trade: " + why + ". Orders may be"
                + " unresolved; " + ex.symbol() + " held until reconciled. System Halted.", "execution-failed-" + ex.pairId());
    }

    /** The execution is over (or never traded): its hold is released and its symbol freed. */
    void ended(String symbol, AccountBook.Trade hold, BigDecimal notional) {
        try {
            if (hold != null) {
                account.tradeFinished(hold);
            }
        } finally {
            desk.release(symbol, notional);
        }
    }
}
