package com.novaquant.binance.rest;

/**
 * Parameters of {@code GET /fapi/v1/income}. Null fields are omitted. Without a time range Binance returns the
 * last 7 days; only 3 months are kept.
 *
 * @param symbol     one symbol, or null for all
 * @param incomeType any Binance income type ({@link #FUNDING_FEE}, {@link #COMMISSION}, {@link #REALIZED_PNL},
 *                   TRANSFER, ...), or null for all
 * @param limit      1..1000 (Binance default 100)
 * @param page       1-based page of {@code limit} records (Binance default 1)
 */
public record IncomeQuery(String symbol, String incomeType, Long startTimeMs, Long endTimeMs, Integer limit,
                          Integer page) {

    public static final String FUNDING_FEE = "FUNDING_FEE";
    public static final String COMMISSION = "COMMISSION";
    public static final String REALIZED_PNL = "REALIZED_PNL";
    public static final int MAX_LIMIT = 1000;

    public IncomeQuery {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
    }

    /** The first page (Binance's default when no page is sent). */
    public IncomeQuery(String symbol, String incomeType, Long startTimeMs, Long endTimeMs, Integer limit) {
        this(symbol, incomeType, startTimeMs, endTimeMs, limit, null);
    }

    /** Records of one type (null: every type) of one symbol (null: all) in [startMs, endMs], 1000 a page. */
    public static IncomeQuery of(String symbol, String incomeType, Long startTimeMs, Long endTimeMs) {
        return new IncomeQuery(symbol, incomeType, startTimeMs, endTimeMs, MAX_LIMIT, null);
    }

    /** Funding payments of one symbol (or all when symbol is null) in [startMs, endMs]. */
    public static IncomeQuery funding(String symbol, Long startTimeMs, Long endTimeMs) {
        return of(symbol, FUNDING_FEE, startTimeMs, endTimeMs);
    }

    public IncomeQuery withPage(int page) {
        return new IncomeQuery(symbol, incomeType, startTimeMs, endTimeMs, limit, page);
    }

    public IncomeQuery withLimit(int limit) {
        return new IncomeQuery(symbol, incomeType, startTimeMs, endTimeMs, limit, page);
    }
}
