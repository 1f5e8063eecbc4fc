package com.novaquant.binance.stream.parse;

import java.math.BigDecimal;

/**
 * A parsed USD-M {@code markPriceUpdate} payload, reused frame after frame (copy what you keep). Decimals are exact
 * scaled longs; the funding rate may be negative.
 */
public final class MarkPrice {

    /** Where {@link MarkPriceParser} puts each value. */
    enum Slot { EVENT_TIME, MARK_PRICE, INDEX_PRICE, FUNDING_RATE, NEXT_FUNDING_TIME }

    /** Filled by {@link MarkPriceParser}. */
    final FieldValues<Slot> values = new FieldValues<>(Slot.class);

    public long eventTimeMs() {
        return values.unscaled(Slot.EVENT_TIME);
    }

    public String symbol() {
        return values.symbol;
    }

    public BigDecimal markPrice() {
        return values.decimal(Slot.MARK_PRICE);
    }

    public BigDecimal indexPrice() {
        return values.decimal(Slot.INDEX_PRICE);
    }

    public BigDecimal fundingRate() {
        return values.decimal(Slot.FUNDING_RATE);
    }

    public long markPriceUnscaled() {
        return values.unscaled(Slot.MARK_PRICE);
    }

    public int markPriceScale() {
        return values.scale(Slot.MARK_PRICE);
    }

    /** Next funding time {@code T}, epoch ms. */
    public long nextFundingTimeMs() {
        return values.unscaled(Slot.NEXT_FUNDING_TIME);
    }

    @Override
    public String toString() {
        return "MarkPrice[" + symbol() + " E=" + eventTimeMs() + " p=" + markPrice() + " i=" + indexPrice()
                + " r=" + fundingRate() + " T=" + nextFundingTimeMs() + "]";
    }
}
