package com.novaquant.execution.sim;

import com.novaquant.events.Venue;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.PlacementOutcome.Rejected;
import com.novaquant.execution.domain.SymbolFilters;

import java.math.BigDecimal;

/**
 * Binance's answers as the {@link SimulatedVenue} gives them, codes and messages spelled as Binance (and the project's
 * exchange-simulator) spell them, so that the engine meets in the simulation what it meets in production.
 */
final class SimRules {

    static final PlacementOutcome TIMEOUT = new PlacementOutcome.Unknown(
            "-1007 Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    static final Rejected TOO_MANY_REQUESTS = new Rejected(-1003, "Too many requests.", true);
    static final Rejected INSUFFICIENT_BALANCE =
            new Rejected(-2010, "Account has insufficient balance for requested action.", false);
    static final Rejected INSUFFICIENT_MARGIN = new Rejected(-2019, "Margin is insufficient.", false);
    static final Rejected REDUCE_ONLY = new Rejected(-2022, "ReduceOnly Order is rejected.", false);
    static final Rejected INVALID_SYMBOL = new Rejected(-1121, "Invalid symbol.", false);
    static final Rejected POSITION_SIDE_NOT_MATCH =
            new Rejected(-4061, "Order's position side does not match user's setting.", false);
    private static final Rejected LOT_SIZE = new Rejected(-1013, "Filter failure: LOT_SIZE", false);

    private SimRules() {
    }

    /** Spot checks the id among its orders with -2010, USD-M with -4116 (-4015 is a malformed id, not a reused one). */
    static Rejected duplicate(Venue venue) {
        return venue == Venue.SPOT ? new Rejected(-2010, "Duplicate order sent.", false)
                : new Rejected(-4116, "ClientOrderId is duplicated.", false);
    }

    static Rejected banned(long untilMs) {
        return new Rejected(-1003, bannedMessage(untilMs), true);
    }

    static String bannedMessage(long untilMs) {
        return "Way too much request weight used; IP banned until " + untilMs + ".";
    }

    /**
     * Null when the quantity passes. Spot answers -1013 for LOT_SIZE and NOTIONAL; USD-M has a code per quantity rule
     * and -4164 for the notional, from which it exempts reduce-only orders. The notional is valued at the mid (spot's
     * average price, USD-M's mark price).
     */
    static Rejected filterFailure(LegOrder order, SymbolFilters filters, BigDecimal mid) {
        BigDecimal qty = order.quantity();
        boolean perp = order.venue() == Venue.USDM;
        if (qty.compareTo(filters.minQty()) < 0) {
            return perp ? new Rejected(-4004, "Quantity less than min quantity.", false) : LOT_SIZE;
        }
        if (filters.maxQty().signum() > 0 && qty.compareTo(filters.maxQty()) > 0) {
            return perp ? new Rejected(-4005, "Quantity greater than max quantity.", false) : LOT_SIZE;
        }
        if (!filters.onStep(qty)) {
            return perp ? new Rejected(-4023, "Quantity not increased by step size.", false) : LOT_SIZE;
        }
        if (!(perp && order.reduceOnly()) && qty.multiply(mid).compareTo(filters.minNotional()) < 0) {
            return perp ? new Rejected(-4164, "Order's notional must be no smaller than "
                    + filters.minNotional().stripTrailingZeros().toPlainString() + " (unless you choose reduce only).",
                    false) : new Rejected(-1013, "Filter failure: NOTIONAL", false);
        }
        return null;
    }
}
