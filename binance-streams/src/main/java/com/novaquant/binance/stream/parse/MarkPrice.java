package com.novaquant.binance.stream.parse;

import java.math.BigDecimal;

/**
 * A parsed USD-M {@code markPriceUpdate} payload, reused frame after frame (copy what you keep). Decimals are exact
 * scaled longs; the funding rate may be negative.
 */
public final class MarkPrice {

    long eventTimeMs;
    String symbol;
    long markPrice;
    int markPriceScale;
    long indexPrice;
    int indexPriceScale;
    long fundingRate;
    int fundingRateScale;
    long nextFundingTimeMs;

    void clear() {
        eventTimeMs = 0;
        symbol = null;
        nextFundingTimeMs = 0;
    }

    public long eventTimeMs() {
        return eventTimeMs;
    }

    public String symbol() {
        return symbol;
    }

    public BigDecimal markPrice() {
        return BigDecimal.valueOf(markPrice, markPriceScale);
    }

    public BigDecimal indexPrice() {
        return BigDecimal.valueOf(indexPrice, indexPriceScale);
    }

    public BigDecimal fundingRate() {
        return BigDecimal.valueOf(fundingRate, fundingRateScale);
    }

    public long markPriceUnscaled() {
        return markPrice;
    }

    public int markPriceScale() {
        return markPriceScale;
    }

    /** Next funding time {@code T}, epoch ms. */
    public long nextFundingTimeMs() {
        return nextFundingTimeMs;
    }

    @Override
    public String toString() {
        return "MarkPrice[" + symbol + " E=" + eventTimeMs + " p=" + markPrice() + " i=" + indexPrice()
                + " r=" + fundingRate() + " T=" + nextFundingTimeMs + "]";
    }
}
