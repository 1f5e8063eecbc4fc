package com.novaquant.binance.rest;

/**
 * Parameters of {@code GET /fapi/v1/income}. Null fields are omitted. Without a time range Binance returns the
 * last 7 days; only 3 months are kept.
 *
 * @param limit 1..1000 (Binance default 100)
 */
public record IncomeQuery(String symbol, String incomeType, Long startTimeMs, Long endTimeMs, Integer limit) {

    public static final String FUNDING_FEE = "FUNDING_FEE";

    /** Funding payments of one symbol (or all when symbol is null) in [startMs, endMs]. */
    public static IncomeQuery funding(String symbol, Long startTimeMs, Long endTimeMs) {
        return new IncomeQuery(symbol, FUNDING_FEE, startTimeMs, endTimeMs, 1000);
    }
}
