package com.novaquant.simulator.domain.source;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The synthetic funding-rate schedule over market time since start: a normal positive rate, an
 * early spike (so a run sees a strong carry signal within its first minute by default) and later a
 * negative period (so a run also sees carry turn against the position). With {@code spikeEvery} set, the spike
 * comes back at that period (a load run then opens and closes pairs over and over); with {@code spikeStagger} set, the
 * spike of the symbol at index i starts i staggers later, so the symbols' decisions come one at a time rather than
 * all in the same second.
 */
public record FundingRegime(BigDecimal baseRate,
                            Duration spikeStart, Duration spikeDuration, BigDecimal spikeRate,
                            Duration negativeStart, Duration negativeDuration, BigDecimal negativeRate,
                            Duration spikeEvery, Duration spikeStagger) implements FundingPath {

    /** Every symbol's spike at the same time. */
    public FundingRegime(BigDecimal baseRate, Duration spikeStart, Duration spikeDuration, BigDecimal spikeRate,
                         Duration negativeStart, Duration negativeDuration, BigDecimal negativeRate, Duration spikeEvery) {
        this(baseRate, spikeStart, spikeDuration, spikeRate, negativeStart, negativeDuration, negativeRate, spikeEvery,
                Duration.ZERO);
    }

    /** A single spike. */
    public FundingRegime(BigDecimal baseRate, Duration spikeStart, Duration spikeDuration, BigDecimal spikeRate,
                         Duration negativeStart, Duration negativeDuration, BigDecimal negativeRate) {
        this(baseRate, spikeStart, spikeDuration, spikeRate, negativeStart, negativeDuration, negativeRate, Duration.ZERO);
    }

    /** The regime rate at {@code marketElapsedMillis} after start, before per-tick noise. */
    public BigDecimal rateAt(long marketElapsedMillis) {
        return rateAt(0, marketElapsedMillis);
    }

    /** The regime rate of the symbol at {@code index} at {@code marketElapsedMillis} after start. */
    @Override
    public BigDecimal rateAt(int index, long marketElapsedMillis) {
        long shifted = marketElapsedMillis - index * spikeStagger.toMillis();
        if (inSpike(shifted)) {
            return spikeRate;
        }
        if (within(marketElapsedMillis, negativeStart, negativeDuration)) {
            return negativeRate;
        }
        return baseRate;
    }

    private boolean inSpike(long marketElapsedMillis) {
        long sinceSpike = marketElapsedMillis;
        long period = spikeEvery.toMillis();
        if (period > 0 && marketElapsedMillis >= spikeStart.toMillis()) {
            sinceSpike = spikeStart.toMillis() + (marketElapsedMillis - spikeStart.toMillis()) % period;
        }
        return within(sinceSpike, spikeStart, spikeDuration);
    }

    private static boolean within(long elapsed, Duration start, Duration duration) {
        long from = start.toMillis();
        return elapsed >= from && elapsed < from + duration.toMillis();
    }
}
