package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;

import java.math.BigDecimal;

/**
 * One fill as the exchange records it (spot {@code myTrades}, USD-M {@code userTrades}): the source of truth for what
 * an order cost. The trade id is unique per venue and symbol.
 *
 * @param commission      the fee in kind, in {@code commissionAsset} (positive: paid)
 * @param realizedPnl     USD-M profit the exchange booked on this fill; zero on spot
 */
public record ExchangeTrade(Venue venue, String symbol, long tradeId, long exchangeOrderId, Side side,
                            BigDecimal price, BigDecimal qty, BigDecimal quoteQty, BigDecimal commission,
                            String commissionAsset, BigDecimal realizedPnl, boolean maker, long timeMs) {
}
