package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the admin request fields, each refusing a bad value with {@link BadAdminRequest} (400) and the message
 * the admin API has always given: the venue, a listed symbol, durations and counts of zero or more, ratios between 0
 * and 1, and the fields of the one-shot order faults.
 */
final class AdminRequestChecks {

    private AdminRequestChecks() {
    }

    /** A mandatory venue. */
    static Venue venue(Venue venue) {
        if (venue == null) {
            throw new BadAdminRequest("venue must be SPOT or USDM");
        }
        return venue;
    }

    /** The venues an optional {@code venue} names: that one, else every venue. */
    static List<Venue> venues(Venue venue) {
        return venue == null ? List.of(Venue.values()) : List.of(venue);
    }

    /** The symbol a one-shot order fault targets: a mandatory venue (checked first) and a listed symbol. */
    static String orderFaultSymbol(Markets markets, Venue venue, String symbol) {
        venue(venue);
        if (symbol == null || markets.find(symbol).isEmpty()) {
            throw new BadAdminRequest("symbol must be one of " + markets.instruments().stream().map(i -> i.symbol()).toList());
        }
        return symbol;
    }

    /** The market of a listed symbol. */
    static SymbolMarket knownMarket(Markets markets, String symbol) {
        return markets.find(symbol).orElseThrow(() -> new BadAdminRequest("unknown symbol " + symbol));
    }

    /** A mandatory duration or time span, zero or more. */
    static long nonNegative(Long value, String name) {
        if (value == null || value < 0) {
            throw new BadAdminRequest(name + " must be zero or more");
        }
        return value;
    }

    /** A mandatory number of frames, zero or more. */
    static int count(Integer count) {
        if (count == null || count < 0) {
            throw new BadAdminRequest("count must be zero or more");
        }
        return count;
    }

    /** A mandatory share of frames, from 0 to 1. */
    static double ratio(Double ratio) {
        if (ratio == null || ratio < 0 || ratio > 1) {
            throw new BadAdminRequest("ratio must be between 0 and 1");
        }
        return ratio;
    }

    /** A mandatory share of an order's quantity, from 0 to 1. */
    static BigDecimal ratio(BigDecimal ratio) {
        if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new BadAdminRequest("ratio must be between 0 and 1");
        }
        return ratio;
    }

    /** The code of a rejection: a Binance error code, which is negative. */
    static int errorCode(Integer code) {
        if (code == null || code >= 0) {
            throw new BadAdminRequest("code must be a negative Binance error code");
        }
        return code;
    }

    /** A mandatory ambiguous-answer mode. */
    static Faults.AmbiguousMode ambiguousMode(Faults.AmbiguousMode mode) {
        if (mode == null) {
            throw new BadAdminRequest("mode must be HTTP_5XX, CODE_1007 or TIMEOUT");
        }
        return mode;
    }
}
