package com.novaquant.strategy.universe;

/** Why a symbol cannot be in the universe now, whatever its carry. */
public enum Exclusion {
    /** A market is halted, settling, delisted or not yet trading. */
    NOT_TRADABLE,
    /** A price, quantity, rate or interval is missing, not finite or not positive. */
    UNSOUND_DATA,
    /** A market traded less than the minimum over 24 h. */
    LOW_VOLUME,
    /** A book is wider than the maximum spread. */
    WIDE_SPREAD,
    /** The top of the books cannot take the intended size. */
    THIN_BOOK
}
