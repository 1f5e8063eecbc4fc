package com.novaquant.ingestion.application.scan;

import com.novaquant.events.Venue;

/**
 * The eight public reads of one scan, each with its venue and the request weight Binance documents for it when
 * asked without a symbol. A scan reads them in this order, cheapest first on each venue, so that a used weight near
 * the limit stops it before the expensive calls.
 */
public enum ScanEndpoint {
    SPOT_BOOK_TICKER(Venue.SPOT, 4, "spot_book_ticker"),
    SPOT_EXCHANGE_INFO(Venue.SPOT, 20, "spot_exchange_info"),
    SPOT_TICKER_24HR(Venue.SPOT, 80, "spot_ticker_24hr"),
    /** Weight 0 in Binance's table; it draws on a separate bucket of 500 requests per 5 minutes per IP instead. */
    USDM_FUNDING_INFO(Venue.USDM, 0, "usdm_funding_info"),
    USDM_EXCHANGE_INFO(Venue.USDM, 1, "usdm_exchange_info"),
    USDM_BOOK_TICKER(Venue.USDM, 5, "usdm_book_ticker"),
    USDM_PREMIUM_INDEX(Venue.USDM, 10, "usdm_premium_index"),
    USDM_TICKER_24HR(Venue.USDM, 40, "usdm_ticker_24hr");

    /** Binance's limit on {@code fundingInfo} and {@code fundingRate} together, per IP. */
    public static final int FUNDING_INFO_REQUESTS_PER_5_MINUTES = 500;

    private final Venue venue;
    private final int weight;
    private final String label;

    ScanEndpoint(Venue venue, int weight, String label) {
        this.venue = venue;
        this.weight = weight;
        this.label = label;
    }

    public Venue venue() {
        return venue;
    }

    public int weight() {
        return weight;
    }

    /** The {@code endpoint} tag of the failure counter. */
    public String label() {
        return label;
    }

    /** What the scan still spends on this endpoint's venue from this call on, this call included. */
    public int remainingWeight() {
        int total = 0;
        for (ScanEndpoint endpoint : values()) {
            if (endpoint.venue == venue && endpoint.ordinal() >= ordinal()) {
                total += endpoint.weight;
            }
        }
        return total;
    }

    /** What one scan costs on the venue. */
    public static int scanWeight(Venue venue) {
        int total = 0;
        for (ScanEndpoint endpoint : values()) {
            if (endpoint.venue == venue) {
                total += endpoint.weight;
            }
        }
        return total;
    }
}
