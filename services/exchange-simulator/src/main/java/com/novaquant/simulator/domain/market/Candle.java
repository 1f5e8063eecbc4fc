package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;

/** One candle of recorded prices: its open and close times (inclusive) and open, high, low and close. */
public record Candle(long openTime, long closeTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
}
