package com.novaquant.binance.stream.parse;

import java.math.BigDecimal;

/**
 * A parsed {@code bookTicker} payload (spot or USD-M), reused frame after frame: read it inside the callback and
 * copy what you keep. Prices and quantities are exact scaled longs (value = unscaled * 10^-scale, scale as sent,
 * trailing zeros included); {@link #bidPrice()} and friends build the BigDecimal at the publish boundary.
 */
public final class BookTicker {

    /** Where {@link BookTickerParser} puts each value. */
    enum Slot { UPDATE_ID, EVENT_TIME, TRANSACTION_TIME, BID_PRICE, BID_QTY, ASK_PRICE, ASK_QTY }

    /** Filled by {@link BookTickerParser}. */
    final FieldValues<Slot> values = new FieldValues<>(Slot.class);

    public long updateId() {
        return values.unscaled(Slot.UPDATE_ID);
    }

    /** Event time {@code E} in epoch ms; 0 on spot, whose bookTicker has none. */
    public long eventTimeMs() {
        return values.unscaled(Slot.EVENT_TIME);
    }

    /** Transaction time {@code T} in epoch ms; 0 on spot. */
    public long transactionTimeMs() {
        return values.unscaled(Slot.TRANSACTION_TIME);
    }

    public String symbol() {
        return values.symbol;
    }

    public long bidPriceUnscaled() {
        return values.unscaled(Slot.BID_PRICE);
    }

    public int bidPriceScale() {
        return values.scale(Slot.BID_PRICE);
    }

    public long askPriceUnscaled() {
        return values.unscaled(Slot.ASK_PRICE);
    }

    public int askPriceScale() {
        return values.scale(Slot.ASK_PRICE);
    }

    public BigDecimal bidPrice() {
        return values.decimal(Slot.BID_PRICE);
    }

    public BigDecimal bidQty() {
        return values.decimal(Slot.BID_QTY);
    }

    public BigDecimal askPrice() {
        return values.decimal(Slot.ASK_PRICE);
    }

    public BigDecimal askQty() {
        return values.decimal(Slot.ASK_QTY);
    }

    @Override
    public String toString() {
        return "BookTicker[" + symbol() + " u=" + updateId() + " E=" + eventTimeMs() + " T=" + transactionTimeMs()
                + " b=" + bidPrice() + " B=" + bidQty() + " a=" + askPrice() + " A=" + askQty() + "]";
    }
}
