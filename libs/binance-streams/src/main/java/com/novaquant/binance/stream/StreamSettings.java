package com.novaquant.binance.stream;

import java.time.Duration;

/**
 * Connection behaviour shared by every stream connection.
 *
 * @param maxAge         reconnect proactively after this long; Binance cuts every connection at 24 h, so the
 *                       default 23 h 50 min reconnects on our schedule rather than mid-burst on theirs
 * @param backoff        delay before reconnect attempts
 * @param stableAfter    a session that lived this long resets the backoff to its first step
 * @param connectTimeout TCP connect timeout
 * @param maxFrameBytes  larger frames are refused ({@code TOO_LARGE}); Binance market-data frames are a few hundred bytes
 * @param subscriptions  how live subscription changes are sent, answered and retried
 */
public record StreamSettings(Duration maxAge, Backoff backoff, Duration stableAfter, Duration connectTimeout,
                             int maxFrameBytes, SubscriptionSettings subscriptions) {

    /** With the default subscription settings. */
    public StreamSettings(Duration maxAge, Backoff backoff, Duration stableAfter, Duration connectTimeout,
                          int maxFrameBytes) {
        this(maxAge, backoff, stableAfter, connectTimeout, maxFrameBytes, SubscriptionSettings.defaults());
    }

    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofHours(23).plusMinutes(50),
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30)),
                Duration.ofSeconds(60), Duration.ofSeconds(5), 65_536);
    }

    public StreamSettings withSubscriptions(SubscriptionSettings subscriptions) {
        return new StreamSettings(maxAge, backoff, stableAfter, connectTimeout, maxFrameBytes, subscriptions);
    }
}
