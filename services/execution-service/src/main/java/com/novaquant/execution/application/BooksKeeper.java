package com.novaquant.execution.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The periodic work that keeps the books equal to the exchange's records, as the supervisor schedules it: booking
 * trade records, reading the income history, and reconciling (with a sample of unrealised PnL).
 */
public class BooksKeeper {

    private static final Logger log = LoggerFactory.getLogger(BooksKeeper.class);

    private final TradeBooking trades;
    private final IncomeSync income;
    private final BooksReconciliation reconciliation;
    private final PnlReader pnl;

    public BooksKeeper(TradeBooking trades, IncomeSync income, BooksReconciliation reconciliation, PnlReader pnl) {
        this.trades = trades;
        this.income = income;
        this.reconciliation = reconciliation;
        this.pnl = pnl;
    }

    public void bookTrades() {
        trades.run();
    }

    public void syncIncome() {
        income.tick();
    }

    /**
     * Reads what is pending (trades, income) and compares the books with the exchange. On demand too
     * ({@code POST /admin/books/reconcile}).
     *
     * @return the differences, exchange minus books, by "item asset"
     */
    public Map<String, BigDecimal> reconcile() {
        trades.run();
        income.read();
        try {
            pnl.sampleUnrealised();
        } catch (VenueUnavailableException e) {
            log.warn("Unrealised PnL not sampled (marks unreadable): {}", e.getMessage());
        }
        return reconciliation.run();
    }
}
