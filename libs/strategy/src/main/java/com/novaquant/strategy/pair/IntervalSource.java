package com.novaquant.strategy.pair;

/** Where the funding interval a symbol's carry is annualised over comes from, in order of precedence. */
public enum IntervalSource {
    /** Published with the funding event: the exchange's own listing ({@code fundingInfo}), read by ingestion. */
    PUBLISHED,
    /** Learned from the move of the next funding time at a funding time. */
    OBSERVED,
    /** This service's configuration: neither of the above is known yet. */
    CONFIGURED
}
