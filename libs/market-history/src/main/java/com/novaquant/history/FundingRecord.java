package com.novaquant.history;

import java.math.BigDecimal;

/**
 * One settled funding of a USD-M perpetual, as Binance's monthly {@code fundingRate} files list it
 * ({@code calc_time,funding_interval_hours,last_funding_rate}).
 *
 * @param calcTimeMs      the funding time, epoch milliseconds
 * @param intervalHours   the symbol's funding interval at that time (8, 4, 2 or 1)
 * @param lastFundingRate the rate settled, per interval (0.0001 = 0.01 %)
 */
public record FundingRecord(long calcTimeMs, int intervalHours, BigDecimal lastFundingRate) {
}
