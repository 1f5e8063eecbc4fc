package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.market.VenueRules;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the books and prices that orders fill against in step with recorded or live frames:
 * bookTicker frames set the top of book (deeper levels are extrapolated one tick apart with the top
 * quantity, since a ticker carries only the top), markPrice frames set mark, index and funding rate.
 * Frames that do not parse as numbers are ignored; they never move a price.
 */
public final class FrameBookUpdater {

    private static final int EXTRAPOLATED_LEVELS = 10;

    private FrameBookUpdater() {
    }

    /** Applies {@code frame} of {@code stream}; returns true when a book changed. */
    public static boolean apply(SymbolMarket market, Venue venue, String stream, JsonNode frame, long wallMillis) {
        try {
            if (stream.endsWith("@bookTicker")) {
                BigDecimal bid = new BigDecimal(frame.get("b").asString());
                BigDecimal bidQty = new BigDecimal(frame.get("B").asString());
                BigDecimal ask = new BigDecimal(frame.get("a").asString());
                BigDecimal askQty = new BigDecimal(frame.get("A").asString());
                if (bid.signum() <= 0 || ask.signum() <= 0 || ask.compareTo(bid) < 0) {
                    return false;
                }
                long updateId = frame.has("u") ? frame.get("u").asLong() : market.book(venue).updateId() + 1;
                VenueRules rules = market.instrument().rules(venue);
                market.updateBook(venue, new Book(updateId, wallMillis,
                        levels(bid, bidQty, rules.tickSize().negate()), levels(ask, askQty, rules.tickSize())));
                if (venue == Venue.SPOT) {
                    BigDecimal mid = bid.add(ask).divide(BigDecimal.TWO);
                    market.updatePrices(market.markPrice(), market.markPriceAverage(), mid);
                }
                return true;
            }
            if (stream.contains("@markPrice")) {
                BigDecimal mark = new BigDecimal(frame.get("p").asString());
                BigDecimal average = frame.has("ap") ? new BigDecimal(frame.get("ap").asString()) : mark;
                BigDecimal index = frame.has("i") ? new BigDecimal(frame.get("i").asString()) : mark;
                market.updatePrices(mark, average, index);
                if (frame.has("r")) {
                    market.updateSourceFundingRate(new BigDecimal(frame.get("r").asString()));
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static List<PriceLevel> levels(BigDecimal top, BigDecimal qty, BigDecimal step) {
        List<PriceLevel> out = new ArrayList<>(EXTRAPOLATED_LEVELS);
        BigDecimal price = top;
        for (int i = 0; i < EXTRAPOLATED_LEVELS && price.signum() > 0; i++) {
            out.add(new PriceLevel(price, qty));
            price = price.add(step);
        }
        return out;
    }
}
