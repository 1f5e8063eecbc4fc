package com.novaquant.execution.application;

import com.novaquant.events.Venue;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Execution's own view of the venue: the latest best bid and ask of each traded symbol on each venue, as this service
 * received it from the venue itself (never from a signal or from Kafka). A growing trade is checked and limited on it
 * ({@link com.novaquant.execution.domain.PreTradeCheck}). Reading it is a memory read: it never waits on the network,
 * so it adds nothing to the order path and may be read under the desk lock.
 */
public interface VenuePrices {

    /** No view at all: every growing trade is refused, every reduction priced at its signal. */
    VenuePrices NONE = (symbol, venue) -> null;

    /** The latest best bid and ask of {@code symbol} on {@code venue}, or null when none has arrived yet. */
    Top latest(String symbol, Venue venue);

    /**
     * One venue's best prices for a symbol.
     *
     * @param receivedAtMicros when this process received them, epoch microseconds by its own clock
     */
    record Top(BigDecimal bid, BigDecimal ask, long receivedAtMicros) {
    }

    /**
     * Age in seconds of the oldest of the symbols' latest prices on one venue (how stale the view is where it is
     * stalest); -1 while a symbol has none.
     */
    static double oldestAgeSeconds(VenuePrices prices, Venue venue, Collection<String> symbols, long nowMicros) {
        long oldest = Long.MAX_VALUE;
        for (String symbol : symbols) {
            Top top = prices.latest(symbol, venue);
            if (top == null) {
                return -1;
            }
            oldest = Math.min(oldest, top.receivedAtMicros());
        }
        return oldest == Long.MAX_VALUE ? -1 : Math.max(0, nowMicros - oldest) / 1e6;
    }
}
