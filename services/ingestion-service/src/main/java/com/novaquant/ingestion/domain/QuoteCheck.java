package com.novaquant.ingestion.domain;

import com.novaquant.events.Quote;

import java.math.BigDecimal;

/**
 * The sanity rules a quote must pass before anyone may trade on it. A failed quote is dropped and counted under its
 * reason; it is never published.
 */
public enum QuoteCheck {
    OK,
    /** Bid or ask price zero or negative. */
    NON_POSITIVE_PRICE,
    /** A negative quantity. */
    NEGATIVE_QUANTITY,
    /** Bid at or above ask: a crossed or locked book is a data error on a single venue's top of book. */
    CROSSED_BOOK;

    public static QuoteCheck of(Quote quote) {
        if (quote.bidPrice().signum() <= 0 || quote.askPrice().signum() <= 0) {
            return NON_POSITIVE_PRICE;
        }
        if (quote.bidQty().signum() < 0 || quote.askQty().signum() < 0) {
            return NEGATIVE_QUANTITY;
        }
        if (quote.crossed()) {
            return CROSSED_BOOK;
        }
        return OK;
    }

    /** The same positivity rule for a mark or index price. */
    public static boolean positive(BigDecimal price) {
        return price.signum() > 0;
    }
}
