package com.novaquant.execution.domain;

import com.novaquant.events.DeskMode;
import com.novaquant.ids.PairId;

import java.math.BigDecimal;

/**
 * Everything the trade decision looks at, gathered before the desk is taken (no network call happens inside it).
 *
 * @param pairId           the symbol's active pair, or null
 * @param pairState        its state, or null
 * @param exposure         its legs ({@link HedgeBand.PairExposure#FLAT} without a pair)
 * @param pairNotional     its hedged notional at entry, USDT
 * @param holds            what stops trading right now
 * @param quoteAgeMs       age of the older of the two quotes behind the signal, at the decision
 * @param totalNotional    hedged notional over every pair, running trades included
 * @param spotQuoteFree    spot USDT a buy may spend
 * @param spotBaseFree     spot base asset a sell may sell
 * @param futuresAvailable futures margin available
 * @param futuresWallet    futures wallet balance
 * @param own              execution's own view of the symbol's best prices on both venues, or null without one
 */
public record TradeFacts(String symbol, BigDecimal target, PairId pairId, PairState pairState,
                         HedgeBand.PairExposure exposure, BigDecimal pairNotional, SymbolFilters spot,
                         SymbolFilters perp, Holds holds, BigDecimal spotBid, BigDecimal spotAsk, BigDecimal perpBid,
                         BigDecimal perpAsk, long quoteAgeMs, BigDecimal totalNotional, BigDecimal spotQuoteFree,
                         BigDecimal spotBaseFree, BigDecimal futuresAvailable, BigDecimal futuresWallet,
                         BigDecimal leverage, OwnPrices own) {

    /**
     * What stops trading right now, per the desk's risk states: a HALT stops growth only, FROZEN stops every
     * signal-driven trade.
     *
     * @param desk             the desk-wide state (the kill switch): TRADING, HALTED or FROZEN
     * @param deskReason       why it is not TRADING, or null
     * @param gate             the strictest of execution's own holds touching this symbol (TRADING when none)
     * @param gateReason       their reasons, or null
     * @param feedGated        why the symbol's market data is gated, or null
     * @param marginCritical   the last margin check was CRITICAL: nothing may grow
     * @param unresolvedOrders the symbol has orders whose outcome is not known yet (a trade cut short)
     */
    public record Holds(DeskMode desk, String deskReason, DeskMode gate, String gateReason, String feedGated,
                        boolean marginCritical, boolean unresolvedOrders) {
        public static final Holds NONE = new Holds(DeskMode.TRADING, null, DeskMode.TRADING, null, null, false, false);

        /** Why nothing signal-driven may trade at all, or null. */
        public String frozen() {
            if (desk == DeskMode.FROZEN) {
                return "desk FROZEN: " + deskReason;
            }
            return gate == DeskMode.FROZEN ? gateReason : null;
        }
    }
}
