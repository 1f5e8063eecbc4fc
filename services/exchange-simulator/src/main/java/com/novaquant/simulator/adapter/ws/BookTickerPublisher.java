package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.MarketListener;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;

import java.util.function.LongSupplier;

/**
 * Publishes {@code <sym>@bookTicker} on every book change: spot on the spot channel, futures on /public; nothing for a
 * symbol that does not trade on the venue.
 */
public final class BookTickerPublisher implements MarketListener {

    private final StreamHub hub;
    private final LongSupplier wallMillis;

    public BookTickerPublisher(StreamHub hub, LongSupplier wallMillis) {
        this.hub = hub;
        this.wallMillis = wallMillis;
    }

    @Override
    public void bookChanged(SymbolMarket market, Venue venue) {
        String stream = market.instrument().streamSymbol() + "@bookTicker";
        StreamChannel channel = venue == Venue.SPOT ? StreamChannel.SPOT : StreamChannel.FUTURES_PUBLIC;
        if (!market.trading(venue) || !hub.hasSubscribers(channel, stream)) {
            return;
        }
        Book book = market.book(venue);
        if (book.isEmpty()) {
            return;
        }
        String symbol = market.instrument().symbol();
        hub.publish(channel, stream, venue == Venue.SPOT
                ? FrameRenderer.spotBookTicker(symbol, book)
                : FrameRenderer.futuresBookTicker(symbol, book, wallMillis.getAsLong()));
    }
}
