package com.novaquant.strategy.universe;

import java.util.List;

/**
 * The notional each chosen pair may hold, in the order of the selection.
 *
 * @param budgets one per member; zero for a member whose share fell under the minimum notional
 */
public record Allocation(List<Budget> budgets) {

    /** What limits a pair's notional. */
    public enum Limit {
        /** Its share of the budget. */
        SHARE,
        /** The per-pair cap. */
        PAIR_CAP,
        /** The value at the top of the books. */
        BOOK,
        /** The thinner market's 24 h traded value. */
        VOLUME,
        /** Its share fell under the minimum notional. */
        BELOW_MINIMUM,
        /** Weighted by carry, it has no positive expected carry to weight. */
        NO_CARRY
    }

    /** One pair's notional (quote currency, whole cents), its cap, and what limits it. */
    public record Budget(String symbol, double notional, double cap, Limit limitedBy) {
    }

    public double totalNotional() {
        double sum = 0;
        for (Budget budget : budgets) {
            sum += budget.notional();
        }
        return sum;
    }

    /** The pair's notional; 0 for a symbol not allocated. */
    public double notionalOf(String symbol) {
        for (Budget budget : budgets) {
            if (budget.symbol().equals(symbol)) {
                return budget.notional();
            }
        }
        return 0;
    }
}
