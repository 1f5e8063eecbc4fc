package com.novaquant.execution.sim;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.VenuePrices;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Execution's own view of the venue in the simulation: the simulated venue's book as if just received, so signals
 * built on the same book agree with it. A test may take a venue's view away (the streams are down), age it, or
 * pin a symbol's prices elsewhere than the book.
 */
public final class SimVenuePrices implements VenuePrices {

    private final SimulatedVenue venue;
    private final SimClock clock;
    private final Set<Venue> dark = EnumSet.noneOf(Venue.class);
    private final Map<String, BigDecimal[]> pinned = new HashMap<>();
    private long lagMicros;

    public SimVenuePrices(SimulatedVenue venue, SimClock clock) {
        this.venue = venue;
        this.clock = clock;
    }

    @Override
    public Top latest(String symbol, Venue on) {
        if (dark.contains(on)) {
            return null;
        }
        BigDecimal[] top = pinned.containsKey(symbol) ? pinned.get(symbol) : venue.top(symbol);
        return top == null ? null : new Top(top[0], top[1], EpochMicros.now(clock) - lagMicros);
    }

    /** No book ticker has arrived on these venues (streams down since start). */
    public void goDark(Venue... venues) {
        dark.addAll(venues.length == 0 ? EnumSet.allOf(Venue.class) : EnumSet.of(venues[0], venues));
    }

    /** The last book tickers arrived {@code age} ago (streams silent since). */
    public void lag(Duration age) {
        lagMicros = age.toNanos() / 1_000;
    }

    /** The venue shows these prices for the symbol, whatever the simulated book says. */
    public void pin(String symbol, BigDecimal bid, BigDecimal ask) {
        pinned.put(symbol, new BigDecimal[]{bid, ask});
    }

    /** Back to the book, received just now, on both venues. */
    public void restore() {
        dark.clear();
        pinned.clear();
        lagMicros = 0;
    }
}
