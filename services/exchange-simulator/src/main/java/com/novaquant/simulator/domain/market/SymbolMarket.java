package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;

/**
 * The live market state of one instrument: both books, mark and index prices, and the funding rate
 * currently predicted for the next settlement. Written by one market source thread, read by every
 * request and stream; each field is an immutable value published through a volatile reference.
 * Every book change also feeds the venue's {@link PriceHistory} (candles and 24 h statistics).
 */
public final class SymbolMarket {

    private final Instrument instrument;
    private volatile Book spotBook;
    private volatile Book futuresBook;
    private volatile BigDecimal markPrice;
    private volatile BigDecimal markPriceAverage;
    private volatile BigDecimal indexPrice;
    private volatile BigDecimal sourceFundingRate;
    private volatile BigDecimal fundingRateOverride;
    private volatile Listing spotListing = Listing.TRADING;
    private volatile Listing futuresListing = Listing.TRADING;
    private final PriceHistory spotHistory = new PriceHistory();
    private final PriceHistory futuresHistory = new PriceHistory();

    public SymbolMarket(Instrument instrument, BigDecimal initialFundingRate) {
        this.instrument = instrument;
        this.spotBook = new Book(0, 0, java.util.List.of(), java.util.List.of());
        this.futuresBook = spotBook;
        this.markPrice = instrument.startPrice();
        this.markPriceAverage = instrument.startPrice();
        this.indexPrice = instrument.startPrice();
        this.sourceFundingRate = initialFundingRate;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Listing listing(Venue venue) {
        return venue == Venue.SPOT ? spotListing : futuresListing;
    }

    /** Whether the symbol trades on {@code venue}: takes orders, moves its book, streams. */
    public boolean trading(Venue venue) {
        return listing(venue) == Listing.TRADING;
    }

    public void list(Venue venue, Listing listing) {
        if (venue == Venue.SPOT) {
            spotListing = listing;
        } else {
            futuresListing = listing;
        }
    }

    public Book book(Venue venue) {
        return venue == Venue.SPOT ? spotBook : futuresBook;
    }

    public void updateBook(Venue venue, Book book) {
        if (venue == Venue.SPOT) {
            spotBook = book;
        } else {
            futuresBook = book;
        }
        if (!book.isEmpty()) {
            history(venue).record(book.eventTimeMillis(), PriceHistory.lastPrice(book, instrument.rules(venue).tickSize()));
        }
    }

    /** The venue's recorded prices. */
    public PriceHistory history(Venue venue) {
        return venue == Venue.SPOT ? spotHistory : futuresHistory;
    }

    public BigDecimal markPrice() {
        return markPrice;
    }

    public BigDecimal markPriceAverage() {
        return markPriceAverage;
    }

    public BigDecimal indexPrice() {
        return indexPrice;
    }

    public void updatePrices(BigDecimal mark, BigDecimal markAverage, BigDecimal index) {
        this.markPrice = mark;
        this.markPriceAverage = markAverage;
        this.indexPrice = index;
    }

    /** The funding rate that would settle now: an operator override if one is set, else the source's. */
    public BigDecimal fundingRate() {
        BigDecimal override = fundingRateOverride;
        return override != null ? override : sourceFundingRate;
    }

    public void updateSourceFundingRate(BigDecimal rate) {
        this.sourceFundingRate = rate;
    }

    /** Sets ({@code rate != null}) or clears the operator's funding-rate override. */
    public void overrideFundingRate(BigDecimal rate) {
        this.fundingRateOverride = rate;
    }
}
