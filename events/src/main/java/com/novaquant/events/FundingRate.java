package com.novaquant.events;

import java.math.BigDecimal;

/**
 * Funding state of a USD-M perpetual ({@code nova.md.funding}), from the markPrice stream.
 *
 * @param fundingRate       the current (predicted) funding rate for the interval ending at {@code nextFundingTimeMs}
 * @param nextFundingTimeMs next funding time, epoch milliseconds
 */
public record FundingRate(
        String symbol,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        BigDecimal fundingRate,
        long nextFundingTimeMs,
        long exchangeTimeMs,
        long receivedAtMicros) implements NovaEvent {

    @Override
    public String key() {
        return symbol;
    }
}
