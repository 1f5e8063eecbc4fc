package com.novaquant.binance.filters;

import java.time.Duration;
import java.util.Locale;

/**
 * One entry of exchangeInfo's {@code rateLimits[]}.
 *
 * @param type        {@code REQUEST_WEIGHT}, {@code ORDERS} or {@code RAW_REQUESTS}
 * @param interval    {@code SECOND}, {@code MINUTE} or {@code DAY}
 * @param intervalNum how many intervals the window spans
 * @param limit       the budget within the window
 */
public record RateLimitRule(String type, String interval, int intervalNum, int limit) {

    /** The window length, e.g. 1 MINUTE -> 60 s. */
    public Duration window() {
        Duration unit = switch (interval.toUpperCase(Locale.ROOT)) {
            case "SECOND" -> Duration.ofSeconds(1);
            case "MINUTE" -> Duration.ofMinutes(1);
            case "HOUR" -> Duration.ofHours(1);
            case "DAY" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("unknown rate limit interval " + interval);
        };
        return unit.multipliedBy(Math.max(intervalNum, 1));
    }
}
