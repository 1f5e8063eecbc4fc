package com.novaquant.events;

import java.math.BigDecimal;

/**
 * Funding state of a USD-M perpetual ({@code nova.md.funding}), from the markPrice stream, with the symbol's funding
 * interval as the exchange lists it.
 *
 * @param fundingRate          the current (predicted) funding rate for the interval ending at {@code nextFundingTimeMs}
 * @param nextFundingTimeMs    next funding time, epoch milliseconds
 * @param fundingIntervalHours hours between two fundings as Binance's {@code fundingInfo} gives them (1..24), or
 *                             {@link #UNKNOWN_INTERVAL} when the publisher does not know it. Added after the first
 *                             release: a record written without it reads as unknown.
 */
public record FundingRate(
        String symbol,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        BigDecimal fundingRate,
        long nextFundingTimeMs,
        long exchangeTimeMs,
        long receivedAtMicros,
        int fundingIntervalHours) implements NovaEvent {

    /** The funding interval is not known to the publisher. */
    public static final int UNKNOWN_INTERVAL = 0;
    /** The longest funding interval a record may carry; Binance's longest is 8 h. */
    public static final int MAX_INTERVAL_HOURS = 24;

    public FundingRate {
        if (fundingIntervalHours < 0 || fundingIntervalHours > MAX_INTERVAL_HOURS) {
            throw new IllegalArgumentException("fundingIntervalHours must be in 0.." + MAX_INTERVAL_HOURS + ", was "
                    + fundingIntervalHours);
        }
    }

    /** A funding state whose interval is not known. */
    public FundingRate(String symbol, BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingRate,
                       long nextFundingTimeMs, long exchangeTimeMs, long receivedAtMicros) {
        this(symbol, markPrice, indexPrice, fundingRate, nextFundingTimeMs, exchangeTimeMs, receivedAtMicros,
                UNKNOWN_INTERVAL);
    }

    /** This state with the funding interval attached ({@link #UNKNOWN_INTERVAL} when not known). */
    public FundingRate withFundingIntervalHours(int hours) {
        return hours == fundingIntervalHours ? this : new FundingRate(symbol, markPrice, indexPrice, fundingRate,
                nextFundingTimeMs, exchangeTimeMs, receivedAtMicros, hours);
    }

    /** Whether the publisher knew the symbol's funding interval. */
    public boolean fundingIntervalKnown() {
        return fundingIntervalHours != UNKNOWN_INTERVAL;
    }

    @Override
    public String key() {
        return symbol;
    }
}
