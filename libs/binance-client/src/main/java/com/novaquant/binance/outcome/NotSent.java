package com.novaquant.binance.outcome;

import java.time.Instant;
import java.util.Optional;

/**
 * The request never reached Binance, so nothing changed on the exchange and the caller may decide again.
 *
 * @param reason     why
 * @param detail     human-readable detail (filter failure, exception text, ...)
 * @param retryAfter when a later attempt may succeed (rate limit, ban), empty when not applicable
 */
public record NotSent(NotSentReason reason, String detail, Optional<Instant> retryAfter) implements OrderOutcome {

    public static NotSent of(NotSentReason reason, String detail) {
        return new NotSent(reason, detail, Optional.empty());
    }

    @Override
    public String kind() {
        return "not_sent";
    }
}
