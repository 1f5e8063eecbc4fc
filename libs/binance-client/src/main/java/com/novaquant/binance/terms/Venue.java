package com.novaquant.binance.terms;

/** The two Binance markets this client trades on. */
public enum Venue {
    /** Spot, REST paths under {@code /api/v3}. */
    SPOT,
    /** USD-M perpetual futures, REST paths under {@code /fapi}. */
    USDM;

    /** Lower-case name used as the {@code venue} metric tag. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
