package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.domain.market.Venue;

/**
 * Where a market stream is published. Futures streams are split as on Binance since 2026-04-23:
 * book tickers and depth on {@code /public}, mark price on {@code /market}; an unrouted futures
 * connection ({@code /futures/ws}, {@code /futures/stream}) reads the public channel only.
 */
public enum StreamChannel {
    SPOT(Venue.SPOT),
    FUTURES_PUBLIC(Venue.USDM),
    FUTURES_MARKET(Venue.USDM);

    private final Venue venue;

    StreamChannel(Venue venue) {
        this.venue = venue;
    }

    public Venue venue() {
        return venue;
    }
}
