package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A symbol listed on both venues: its assets, filters per venue, start price, funding interval and the 24 h quote
 * volume each venue reports for it (the simulator matches no public trades, so the figure is configured, not counted).
 */
public record Instrument(String symbol, String baseAsset, String quoteAsset, BigDecimal startPrice,
                         VenueRules spot, VenueRules futures, Duration fundingInterval,
                         BigDecimal spotQuoteVolume24h, BigDecimal futuresQuoteVolume24h) {

    public Instrument {
        if (spotQuoteVolume24h.signum() < 0 || futuresQuoteVolume24h.signum() < 0) {
            throw new IllegalArgumentException(symbol + ": a 24 h quote volume cannot be negative");
        }
    }

    /** An instrument that reports no traded volume. */
    public Instrument(String symbol, String baseAsset, String quoteAsset, BigDecimal startPrice,
                      VenueRules spot, VenueRules futures, Duration fundingInterval) {
        this(symbol, baseAsset, quoteAsset, startPrice, spot, futures, fundingInterval, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public VenueRules rules(Venue venue) {
        return venue == Venue.SPOT ? spot : futures;
    }

    /** The 24 h quote volume (USDT) the venue reports for this symbol. */
    public BigDecimal quoteVolume24h(Venue venue) {
        return venue == Venue.SPOT ? spotQuoteVolume24h : futuresQuoteVolume24h;
    }

    /** The lowercase form used in stream names. */
    public String streamSymbol() {
        return symbol.toLowerCase(java.util.Locale.ROOT);
    }
}
