package com.novaquant.execution.application;

import com.novaquant.execution.domain.PairState;

import java.math.BigDecimal;
import java.math.MathContext;

/** The book's gauges, read from the ledger. */
public class PairGauges {

    private final Ledger ledger;

    public PairGauges(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Hedged notional of active pairs at entry, USDT. */
    public double openNotional() {
        return ledger.activePairs().stream().map(PairRecord::notional).reduce(BigDecimal.ZERO, BigDecimal::add)
                .round(MathContext.DECIMAL64).doubleValue();
    }

    /** Pairs in state OPEN. */
    public long openPairs() {
        return ledger.activePairs().stream().filter(p -> p.state() == PairState.OPEN).count();
    }
}
