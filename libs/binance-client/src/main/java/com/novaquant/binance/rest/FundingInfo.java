package com.novaquant.binance.rest;

import java.math.BigDecimal;

/**
 * One row of {@code GET /fapi/v1/fundingInfo}. Binance lists only the symbols whose funding parameters were
 * adjusted: a symbol that is absent pays every {@link #DEFAULT_FUNDING_INTERVAL_HOURS} hours.
 *
 * @param fundingIntervalHours hours between two fundings (8, 4, 2 or 1)
 */
public record FundingInfo(String symbol, BigDecimal adjustedFundingRateCap, BigDecimal adjustedFundingRateFloor,
                          int fundingIntervalHours) {

    /** The interval of every symbol {@code fundingInfo} does not list. */
    public static final int DEFAULT_FUNDING_INTERVAL_HOURS = 8;
}
