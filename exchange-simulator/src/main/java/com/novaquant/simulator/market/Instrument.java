package com.novaquant.simulator.market;

import java.math.BigDecimal;
import java.time.Duration;

/** A symbol listed on both venues: its assets, filters per venue, start price and funding interval. */
public record Instrument(String symbol, String baseAsset, String quoteAsset, BigDecimal startPrice,
                         VenueRules spot, VenueRules futures, Duration fundingInterval) {

    public VenueRules rules(Venue venue) {
        return venue == Venue.SPOT ? spot : futures;
    }

    /** The lowercase form used in stream names. */
    public String streamSymbol() {
        return symbol.toLowerCase(java.util.Locale.ROOT);
    }
}
