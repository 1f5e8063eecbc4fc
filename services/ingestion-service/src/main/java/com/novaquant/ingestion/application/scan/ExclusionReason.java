package com.novaquant.ingestion.application.scan;

/** Why a symbol listed on both venues was left out of a scan (the {@code reason} tag of the exclusion counter). */
public enum ExclusionReason {
    /** One of the venues' bookTicker has no row for it. */
    MISSING_BOOK,
    /** One of the venues' 24 h ticker has no row for it. */
    MISSING_VOLUME,
    /** premiumIndex has no row for the perpetual. */
    MISSING_FUNDING,
    /** A price, quantity, volume, rate or time that is not a finite number (NaN, text, missing). */
    UNREADABLE_VALUE,
    /** A bid or ask price of zero or below (an empty side reads as 0). */
    NON_POSITIVE_PRICE,
    /** A negative quantity. */
    NEGATIVE_QUANTITY,
    /** Bid at or above ask on one venue. */
    CROSSED_BOOK,
    /** A negative 24 h volume. */
    NEGATIVE_VOLUME,
    /** fundingInfo lists the symbol with an interval outside 1-24 h. */
    INVALID_FUNDING_INTERVAL,
    /** A row that names no symbol at all (not an object, no symbol); counted once per row, whatever it was. */
    UNREADABLE_ROW
}
