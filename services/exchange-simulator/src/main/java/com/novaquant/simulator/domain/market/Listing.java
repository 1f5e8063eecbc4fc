package com.novaquant.simulator.domain.market;

/**
 * Whether a symbol trades on a venue. A halted symbol is expected back; a delisted one is gone (Binance keeps it in
 * exchangeInfo with a closed status). Neither takes new orders nor moves its book.
 */
public enum Listing {
    TRADING("TRADING", "TRADING"),
    HALTED("HALT", "PENDING_TRADING"),
    DELISTED("BREAK", "CLOSE");

    private final String spotStatus;
    private final String futuresStatus;

    Listing(String spotStatus, String futuresStatus) {
        this.spotStatus = spotStatus;
        this.futuresStatus = futuresStatus;
    }

    /** The symbol {@code status} Binance shows in the venue's exchangeInfo. */
    public String binanceStatus(Venue venue) {
        return venue == Venue.SPOT ? spotStatus : futuresStatus;
    }
}
