package com.novaquant.history;

import java.math.BigDecimal;

/**
 * One 1-minute kline of Binance's bulk {@code klines} files (spot or USD-M), times in epoch milliseconds: the
 * readers convert the microseconds of the spot files from 2025 on.
 */
public record Kline(long openTimeMs, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                    BigDecimal volume, long closeTimeMs, BigDecimal quoteVolume, long trades) {
}
