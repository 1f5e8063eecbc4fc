package com.novaquant.simulator.domain.source;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.VenueRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a recorded minute into the book orders fill against: the best bid {@code halfSpread} below the close and the
 * best ask as far above it, each rounded away from the close onto the venue's tick (so the spread is never narrower
 * than asked), deeper levels spaced as the synthetic market spaces them, and each level holding an equal share of the
 * minute's traded quantity on the venue's step (at least the minimum quantity, so a minute without trades still
 * quotes). Exact: prices and quantities are BigDecimal arithmetic on the file's numbers.
 */
public final class HistoryBooks {

    /** Distance between book levels, as a fraction of the price (0.5 bp), as in {@link SyntheticMarket}. */
    private static final BigDecimal LEVEL_SPACING = new BigDecimal("0.00005");

    private final BigDecimal halfSpread;
    private final int levels;

    public HistoryBooks(BigDecimal halfSpread, int levels) {
        if (halfSpread.signum() < 0 || halfSpread.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("half-spread must be a fraction from 0 up to 1, was " + halfSpread);
        }
        if (levels < 1) {
            throw new IllegalArgumentException("a book needs at least one level");
        }
        this.halfSpread = halfSpread;
        this.levels = levels;
    }

    /** The book a venue with {@code rules} shows for a minute that closed at {@code close} with {@code volume} traded. */
    public Book book(VenueRules rules, BigDecimal close, BigDecimal volume, long updateId, long eventTimeMillis) {
        BigDecimal tick = rules.tickSize();
        long bidTicks = Math.max(1, ticks(close.multiply(BigDecimal.ONE.subtract(halfSpread)), tick, RoundingMode.FLOOR));
        long askTicks = Math.max(bidTicks + 1, ticks(close.multiply(BigDecimal.ONE.add(halfSpread)), tick, RoundingMode.CEILING));
        long spacing = Math.max(1, ticks(close.multiply(LEVEL_SPACING), tick, RoundingMode.HALF_EVEN));
        BigDecimal qty = levelQty(rules, volume);
        List<PriceLevel> bids = new ArrayList<>(levels);
        List<PriceLevel> asks = new ArrayList<>(levels);
        for (int level = 0; level < levels; level++) {
            long bidAt = bidTicks - level * spacing;
            if (bidAt > 0) {
                bids.add(new PriceLevel(tick.multiply(BigDecimal.valueOf(bidAt)), qty));
            }
            asks.add(new PriceLevel(tick.multiply(BigDecimal.valueOf(askTicks + level * spacing)), qty));
        }
        return new Book(updateId, eventTimeMillis, bids, asks);
    }

    private BigDecimal levelQty(VenueRules rules, BigDecimal volume) {
        BigDecimal step = rules.stepSize();
        BigDecimal steps = volume.divide(step.multiply(BigDecimal.valueOf(levels)), 0, RoundingMode.FLOOR);
        return step.multiply(steps).max(rules.minQty());
    }

    private static long ticks(BigDecimal price, BigDecimal tick, RoundingMode rounding) {
        return price.divide(tick, 0, rounding).longValueExact();
    }
}
