package com.novaquant.ingestion.application.scan;

import java.math.BigDecimal;

/**
 * The rows a scan reads, one record per kind, as the exchange sent them. A value the exchange sent unreadable (not a
 * number, NaN, missing) is null here: the join rules exclude its symbol under a counted reason rather than guess.
 */
public final class ScanRows {

    private ScanRows() {
    }

    /** One symbol of a venue's exchangeInfo; {@code contractType} is null on spot. */
    public record Listing(String symbol, String status, String quoteAsset, String contractType) {
    }

    /** Top of book from a venue's bookTicker. */
    public record Book(String symbol, BigDecimal bid, BigDecimal bidQty, BigDecimal ask, BigDecimal askQty) {
    }

    /** A venue's 24 h traded value in the quote currency ({@code quoteVolume}). */
    public record Volume(String symbol, BigDecimal quoteVolume) {
    }

    /** A perpetual's current funding rate and next funding time from premiumIndex; time 0 when unreadable. */
    public record Funding(String symbol, BigDecimal lastFundingRate, long nextFundingTimeMs) {
    }

    /** A symbol whose funding Binance adjusted (fundingInfo); hours 0 when unreadable. */
    public record FundingInterval(String symbol, int hours) {
    }
}
