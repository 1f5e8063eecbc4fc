package com.novaquant.simulator.domain.source;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.VenueRules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random walk per symbol that produces both books (several levels around the quote), the
 * mark and index prices and the funding rate. The sequence of ticks depends only on the seed and the
 * tick order per symbol, never on timing: the same seed gives the same books, prices and rates.
 * Not thread-safe: one market thread drives it.
 */
public final class SyntheticMarket {

    /** Per-tick volatility of the index (log-return standard deviation). */
    private static final double TICK_VOLATILITY = 0.00003;
    /** Distance between book levels, as a fraction of the price (0.5 bp). */
    private static final double LEVEL_SPACING = 0.00005;
    /** Notional in quote currency that sizes one book level on average. */
    private static final double LEVEL_NOTIONAL = 40_000;
    private static final MathContext MC = MathContext.DECIMAL64;

    private final List<Walk> walks = new ArrayList<>();
    private final int levels;
    private final FundingPath funding;

    public SyntheticMarket(List<Instrument> instruments, long seed, int levels, FundingPath funding) {
        if (levels < 1) {
            throw new IllegalArgumentException("a book needs at least one level");
        }
        this.levels = levels;
        this.funding = funding;
        for (int i = 0; i < instruments.size(); i++) {
            Instrument instrument = instruments.get(i);
            long symbolSeed = seed * 0x9E3779B97F4A7C15L + instrument.symbol().hashCode();
            walks.add(new Walk(instrument, new SplittableRandom(symbolSeed)));
        }
    }

    public int symbolCount() {
        return walks.size();
    }

    /** Advances symbol {@code index} by one tick and returns the resulting market. */
    public SyntheticTick next(int index, long wallMillis, long marketElapsedMillis) {
        Walk walk = walks.get(index);
        SplittableRandom random = walk.random;
        walk.index *= Math.exp(TICK_VOLATILITY * gaussian(random));
        double regimeRate = funding.rate(index, marketElapsedMillis);
        double rate = regimeRate + regimeRate * 0.1 * (random.nextDouble() - 0.5);
        // The perpetual trades at a premium that follows funding, as on a real market.
        double futuresMid = walk.index * (1 + rate);
        Instrument instrument = walk.instrument;
        Book spot = book(instrument.spot(), walk.spotSizes, walk.index, ++walk.spotUpdateId, wallMillis, random);
        Book futures = book(instrument.futures(), walk.futuresSizes, futuresMid, ++walk.futuresUpdateId, wallMillis, random);
        walk.markAverage = walk.markAverage == 0 ? futuresMid : walk.markAverage * 0.99 + futuresMid * 0.01;
        BigDecimal mark = price(futuresMid, 8);
        return new SyntheticTick(instrument.symbol(), spot, futures, mark, price(walk.markAverage, 8),
                price(walk.index, 8), BigDecimal.valueOf(rate).setScale(8, RoundingMode.HALF_EVEN));
    }

    private Book book(VenueRules rules, Sizes sizes, double mid, long updateId, long wallMillis, SplittableRandom random) {
        BigDecimal tick = rules.tickSize();
        double tickValue = sizes.tick;
        long bidTicks = (long) Math.floor(mid / tickValue);
        long spacing = Math.max(1, Math.round(mid * LEVEL_SPACING / tickValue));
        List<PriceLevel> bids = new ArrayList<>(levels);
        List<PriceLevel> asks = new ArrayList<>(levels);
        for (int level = 0; level < levels; level++) {
            long bidAt = bidTicks - level * spacing;
            long askAt = bidTicks + 1 + level * spacing;
            bids.add(new PriceLevel(tick.multiply(BigDecimal.valueOf(bidAt)), qty(rules, sizes, mid, random)));
            asks.add(new PriceLevel(tick.multiply(BigDecimal.valueOf(askAt)), qty(rules, sizes, mid, random)));
        }
        return new Book(updateId, wallMillis, bids, asks);
    }

    private static BigDecimal qty(VenueRules rules, Sizes sizes, double mid, SplittableRandom random) {
        double base = LEVEL_NOTIONAL / mid * (0.25 + random.nextDouble() * 1.75);
        BigDecimal step = rules.stepSize();
        long steps = Math.max(1, (long) Math.floor(base / sizes.step));
        return step.multiply(BigDecimal.valueOf(steps)).max(rules.minQty());
    }

    private static BigDecimal price(double value, int scale) {
        return new BigDecimal(value, MC).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** Box-Muller from the symbol's own generator, so each symbol's sequence is independent. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A venue's tick and step as doubles, converted once: the conversion costs more than the rest of a level. */
    private record Sizes(double tick, double step) {

        private static Sizes of(VenueRules rules) {
            return new Sizes(rules.tickSize().doubleValue(), rules.stepSize().doubleValue());
        }
    }

    private static final class Walk {
        private final Instrument instrument;
        private final SplittableRandom random;
        private final Sizes spotSizes;
        private final Sizes futuresSizes;
        private double index;
        private double markAverage;
        private long spotUpdateId = 1_000_000;
        private long futuresUpdateId = 5_000_000_000L;

        private Walk(Instrument instrument, SplittableRandom random) {
            this.instrument = instrument;
            this.random = random;
            this.spotSizes = Sizes.of(instrument.spot());
            this.futuresSizes = Sizes.of(instrument.futures());
            this.index = instrument.startPrice().doubleValue();
        }
    }
}
