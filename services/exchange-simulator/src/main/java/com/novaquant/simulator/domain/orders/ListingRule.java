package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.Venue;

/**
 * Which new orders a symbol takes while it does not trade, with Binance's refusals: spot takes none while halted or
 * delisted; a halted perpetual still takes orders that only reduce a position, a delisted one takes none.
 */
public final class ListingRule {

    private ListingRule() {
    }

    public static void admit(Listing listing, Venue venue, boolean reduceOnly) {
        if (venue == Venue.SPOT) {
            if (listing != Listing.TRADING) {
                throw new RejectedException(-1013, "Market is closed.");
            }
            return;
        }
        switch (listing) {
            case DELISTED -> throw new RejectedException(-4141, "Symbol is closed.");
            case HALTED -> {
                if (!reduceOnly) {
                    throw new RejectedException(-4140, "Invalid symbol status for opening position.");
                }
            }
            case TRADING -> { }
        }
    }
}
