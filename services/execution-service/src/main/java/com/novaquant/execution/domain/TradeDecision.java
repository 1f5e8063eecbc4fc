package com.novaquant.execution.domain;

import com.novaquant.ids.PairId;

import java.math.BigDecimal;

/** What the desk does with one signal. */
public sealed interface TradeDecision {

    record Refused(Refusal reason, String detail) implements TradeDecision {
    }

    /**
     * Trade both legs.
     *
     * @param closesAll     a shrinking trade that takes the pair to flat
     * @param spotQuantity  the spot leg (a full close sells what spot holds, short of the perp by commission in kind)
     * @param perpQuantity  the perp leg
     * @param quoteHeld     spot quote the trade may spend, held back from later decisions
     * @param marginHeld    futures margin it may take, likewise
     * @param notionalAdded notional it may add to the book, counted by later decisions while it runs
     */
    record Execute(PairId pairId, boolean growing, boolean closesAll, BigDecimal spotQuantity,
                   BigDecimal perpQuantity, BigDecimal quoteHeld, BigDecimal marginHeld, BigDecimal notionalAdded)
            implements TradeDecision {
    }
}
