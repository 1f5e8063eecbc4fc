package com.novaquant.execution.application;

import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.PairSizing;
import com.novaquant.execution.domain.PairState;

import java.math.BigDecimal;
import java.time.Instant;

/** One hedged pair as the ledger holds it: both legs linked. */
public record PairRecord(String pairId, String symbol, PairState state, LegPosition spot, LegPosition perp,
                         BigDecimal realisedPnl, BigDecimal fees, BigDecimal funding, String lastSignalId,
                         Instant openedAt) {

    /** Hedged notional at entry (perp leg), USDT. */
    public BigDecimal notional() {
        return perp.quantity().multiply(perp.entryPrice());
    }

    /**
     * Whether the legs hedge each other. The spot leg holds what the account really holds, net of commission paid
     * in the base asset on spot buys (0.1 % on Binance), so it may sit a little below the perp short; up to
     * {@link #FEE_DUST} of the short is tolerated as that commission, anything more is a naked position.
     */
    public boolean balanced() {
        BigDecimal gap = perp.quantity().subtract(spot.quantity());
        return gap.signum() == 0
                || gap.signum() > 0 && gap.compareTo(perp.quantity().multiply(FEE_DUST)) <= 0;
    }

    /** See {@link PairSizing#FEE_DUST}. */
    public static final BigDecimal FEE_DUST = PairSizing.FEE_DUST;
}
