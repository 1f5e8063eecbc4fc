package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a started trade to its end off the desk: waits for both legs, settles them, records the signal's outcome,
 * then frees the symbol. A trade cut short by a failure is handed to {@link CutShortTrades}.
 */
class TradeRunner {

    private static final Logger log = LoggerFactory.getLogger(TradeRunner.class);

    private final LegRiskSettlement settlement;
    private final Ledger ledger;
    private final AccountBook account;
    private final Desk desk;
    private final CutShortTrades cutShort;
    private final ExecutionMetrics metrics;
    private final Executor executor;

    TradeRunner(LegRiskSettlement settlement, Ledger ledger, AccountBook account, Desk desk, CutShortTrades cutShort,
                ExecutionMetrics metrics, Executor executor) {
        this.settlement = settlement;
        this.ledger = ledger;
        this.account = account;
        this.desk = desk;
        this.cutShort = cutShort;
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
            cutShort.cutShort(ex, e);
            outcome.completeExceptionally(e);
        } finally {
            ended(ex.symbol(), hold, notional);
        }
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
