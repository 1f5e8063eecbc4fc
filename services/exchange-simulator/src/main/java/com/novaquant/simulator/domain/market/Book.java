package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An immutable order-book snapshot of one symbol on one venue. Bids are best (highest) first, asks
 * best (lowest) first. {@code updateId} grows with every change; {@code eventTimeMillis} is the wall
 * time of the change.
 */
public record Book(long updateId, long eventTimeMillis, List<PriceLevel> bids, List<PriceLevel> asks) {

    public Book {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public boolean isEmpty() {
        return bids.isEmpty() || asks.isEmpty();
    }

    public PriceLevel bestBid() {
        return bids.getFirst();
    }

    public PriceLevel bestAsk() {
        return asks.getFirst();
    }

    /** The average of the best bid and ask to 8 places: the reference price of spot's price filters. */
    public BigDecimal mid() {
        return bestBid().price().add(bestAsk().price()).divide(BigDecimal.TWO, 8, RoundingMode.HALF_EVEN);
    }
}
