package com.novaquant.simulator.domain.source;

import java.math.BigDecimal;

/** The synthetic market's predicted funding rate of each listed symbol over market time, before per-tick noise. */
public interface FundingPath {

    /** The rate of the symbol listed at {@code index}, {@code marketElapsedMillis} after start, per funding interval. */
    BigDecimal rateAt(int index, long marketElapsedMillis);

    /** The same rate as a double, for the market's per-tick arithmetic. */
    default double rate(int index, long marketElapsedMillis) {
        return rateAt(index, marketElapsedMillis).doubleValue();
    }
}
