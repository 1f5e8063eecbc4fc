package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;

/**
 * The exchange filters of one symbol on one venue (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE and the
 * notional minimum), as published in exchangeInfo and enforced on every order.
 */
public record VenueRules(BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                         BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty,
                         BigDecimal marketMaxQty, BigDecimal minNotional) {

    public int priceScale() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    public int qtyScale() {
        return Math.max(0, stepSize.stripTrailingZeros().scale());
    }
}
