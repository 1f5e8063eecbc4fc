package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Side;

import java.math.BigDecimal;

/**
 * One execution as the account's trade history shows it: the fill with the order it belongs to. Immutable, safe to
 * render outside the exchange's lock.
 */
public record TradeFillView(Venue venue, String symbol, long orderId, Side side, Order.TradeFill fill) {

    public long tradeId() {
        return fill.tradeId();
    }

    public long time() {
        return fill.time();
    }

    public BigDecimal price() {
        return fill.fill().price();
    }

    public BigDecimal qty() {
        return fill.fill().qty();
    }

    public BigDecimal quoteQty() {
        return fill.fill().quote();
    }

    public boolean buyer() {
        return side == Side.BUY;
    }

    public boolean maker() {
        return fill.fill().maker();
    }
}
