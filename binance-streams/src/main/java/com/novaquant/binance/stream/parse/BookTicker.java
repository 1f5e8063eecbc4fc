package com.novaquant.binance.stream.parse;

import java.math.BigDecimal;

/**
 * A parsed {@code bookTicker} payload (spot or USD-M), reused frame after frame: read it inside the callback and
 * copy what you keep. Prices and quantities are exact scaled longs (value = unscaled * 10^-scale, scale as sent,
 * trailing zeros included); {@link #bidPrice()} and friends build the BigDecimal at the publish boundary.
 */
public final class BookTicker {

    long updateId;
    long eventTimeMs;
    long transactionTimeMs;
    String symbol;
    long bidPrice;
    int bidPriceScale;
    long bidQty;
    int bidQtyScale;
    long askPrice;
    int askPriceScale;
    long askQty;
    int askQtyScale;

    void clear() {
        updateId = 0;
        eventTimeMs = 0;
        transactionTimeMs = 0;
        symbol = null;
    }

    public long updateId() {
        return updateId;
    }

    /** Event time {@code E} in epoch ms; 0 on spot, whose bookTicker has none. */
    public long eventTimeMs() {
        return eventTimeMs;
    }

    /** Transaction time {@code T} in epoch ms; 0 on spot. */
    public long transactionTimeMs() {
        return transactionTimeMs;
    }

    public String symbol() {
        return symbol;
    }

    public long bidPriceUnscaled() {
        return bidPrice;
    }

    public int bidPriceScale() {
        return bidPriceScale;
    }

    public long askPriceUnscaled() {
        return askPrice;
    }

    public int askPriceScale() {
        return askPriceScale;
    }

    public BigDecimal bidPrice() {
        return BigDecimal.valueOf(bidPrice, bidPriceScale);
    }

    public BigDecimal bidQty() {
        return BigDecimal.valueOf(bidQty, bidQtyScale);
    }

    public BigDecimal askPrice() {
        return BigDecimal.valueOf(askPrice, askPriceScale);
    }

    public BigDecimal askQty() {
        return BigDecimal.valueOf(askQty, askQtyScale);
    }

    @Override
    public String toString() {
        return "BookTicker[" + symbol + " u=" + updateId + " E=" + eventTimeMs + " T=" + transactionTimeMs
                + " b=" + bidPrice() + " B=" + bidQty() + " a=" + askPrice() + " A=" + askQty() + "]";
    }
}
