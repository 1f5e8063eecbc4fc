package com.novaquant.execution.domain;

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
 */
public record TradeFacts(String symbol, BigDecimal target, String pairId, PairState pairState,
                         HedgeBand.PairExposure exposure, BigDecimal pairNotional, SymbolFilters spot,
                         SymbolFilters perp, Holds holds, BigDecimal spotBid, BigDecimal spotAsk, BigDecimal perpBid,
                         BigDecimal perpAsk, long quoteAgeMs, BigDecimal totalNotional, BigDecimal spotQuoteFree,
                         BigDecimal spotBaseFree, BigDecimal futuresAvailable, BigDecimal futuresWallet,
                         BigDecimal leverage) {

    /**
     * @param tradingHeld      why trading is held (reconciliation, a broken pair), or null
     * @param killSwitch       why the kill switch is engaged, or null
     * @param marginCritical   the last margin check was CRITICAL: nothing may grow
     * @param unresolvedOrders the symbol has orders whose outcome is not known yet (a trade cut short)
     */
    public record Holds(String tradingHeld, String killSwitch, boolean marginCritical, boolean unresolvedOrders) {
        public static final Holds NONE = new Holds(null, null, false, false);
    }
}
