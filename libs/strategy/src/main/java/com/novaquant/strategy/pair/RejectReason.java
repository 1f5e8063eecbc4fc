package com.novaquant.strategy.pair;

/** Why an evaluation produced no signal. Counted per symbol and reason. */
public enum RejectReason {
    /** Ingestion gated the symbol's market data (lagging, silent or storming feed): no decision on it at all. */
    FEED_GATED,
    /** A venue's quote or the funding state has not arrived yet. */
    MISSING_DATA,
    /** A quote (either venue) is older than the allowed age, or stamped in the future beyond it. */
    STALE_QUOTE,
    /** The funding update is older than the allowed age. */
    STALE_FUNDING,
    /** Bid at or above ask on either venue. */
    CROSSED_BOOK,
    /** A zero, negative or non-finite price or quantity. */
    IMPLAUSIBLE_BOOK,
    /** Spot and perp mids further apart than allowed. */
    PRICE_DIVERGENCE,
    /** A funding rate of implausible magnitude. */
    IMPLAUSIBLE_FUNDING,
    /** An opening, or the re-publish of an open target, held while the desk is HALTED (only reductions pass). */
    HALTED,
    /** A signal held while the desk is FROZEN (nothing is published). */
    FROZEN,
    /** A change was wanted within the cooldown after the previous one. */
    COOLDOWN,
    /** An opening was wanted but the total cap across symbols leaves too little room. */
    TOTAL_CAP_REACHED,
    /** An opening was wanted but the top of book is too thin for the minimum notional. */
    THIN_BOOK,
    /** An opening was wanted but the configured notional is below the minimum. */
    SIZE_TOO_SMALL
}
