package com.novaquant.simulator.domain.funding;

import java.time.Duration;

/**
 * Funding settles at every multiple of the interval since the epoch, in market time: with 8 h that is
 * 00:00, 08:00 and 16:00 UTC, as on Binance.
 */
public record FundingSchedule(Duration interval) {

    public FundingSchedule {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("funding interval must be positive");
        }
    }

    /** The first settlement strictly after {@code marketMillis}. */
    public long nextAfter(long marketMillis) {
        long step = interval.toMillis();
        return Math.floorDiv(marketMillis, step) * step + step;
    }
}
