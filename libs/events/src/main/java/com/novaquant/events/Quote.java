package com.novaquant.events;

import java.math.BigDecimal;

/**
 * Best bid and ask of one venue for one symbol ({@code nova.md.quotes}).
 *
 * @param updateId         the venue's order-book update id
 * @param exchangeTimeMs   the venue's event time in epoch milliseconds, or 0 where the payload has none (spot bookTicker)
 * @param receivedAtMicros the instant the frame was received, epoch microseconds: the start of every latency figure
 */
public record Quote(
        String symbol,
        Venue venue,
        BigDecimal bidPrice,
        BigDecimal bidQty,
        BigDecimal askPrice,
        BigDecimal askQty,
        long updateId,
        long exchangeTimeMs,
        long receivedAtMicros) implements NovaEvent {

    @Override
    public String key() {
        return symbol;
    }

    public boolean crossed() {
        return bidPrice.compareTo(askPrice) >= 0;
    }
}
