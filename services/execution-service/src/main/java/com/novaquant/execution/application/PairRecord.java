package com.novaquant.execution.application;

import com.novaquant.execution.domain.HedgeBand;
import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hedged pair as the ledger holds it: both legs linked.
 *
 * @param spotCommission base-asset commission paid on the pair's spot buys (the spot leg holds bought - sold - this)
 */
public record PairRecord(PairId pairId, String symbol, PairState state, LegPosition spot, LegPosition perp,
                         BigDecimal spotCommission, BigDecimal realisedPnl, BigDecimal fees, BigDecimal funding,
                         SignalId lastSignalId, Instant openedAt) {

    /** Hedged notional at entry (perp leg), USDT. */
    public BigDecimal notional() {
        return perp.quantity().multiply(perp.entryPrice());
    }

    public HedgeBand.PairExposure exposure() {
        return new HedgeBand.PairExposure(spot.quantity(), spotCommission, perp.quantity());
    }

    /** Whether the legs hedge each other within the venues' steps (see {@link HedgeBand}). */
    public boolean hedged(HedgeBand band) {
        return band.hedged(exposure());
    }

    /** No short, and spot only as residue inside the band: nothing either venue could trade is left. */
    public boolean flat(HedgeBand band) {
        return perp.quantity().signum() == 0 && spot.quantity().compareTo(band.step()) < 0;
    }
}
