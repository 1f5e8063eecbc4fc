package com.novaquant.binance.stream;

import java.time.Duration;

/**
 * How live subscription changes ({@code SUBSCRIBE} / {@code UNSUBSCRIBE} on an open connection) are sent.
 *
 * @param answerTimeout         a change not answered within this is counted as failed and sent again
 * @param attempts              failed attempts (error answers or timeouts) in a row before the session is replaced:
 *                              the new session's URL carries the whole current set, so nothing is left to send
 * @param maxStreamsPerMessage  streams batched into one message (Binance answers "too many parameters" past its own
 *                              undocumented bound)
 */
public record SubscriptionSettings(Duration answerTimeout, int attempts, int maxStreamsPerMessage) {

    public SubscriptionSettings {
        if (answerTimeout.isNegative() || answerTimeout.isZero() || attempts < 1 || maxStreamsPerMessage < 1) {
            throw new IllegalArgumentException("subscription settings need a positive timeout, attempts and batch size");
        }
    }

    public static SubscriptionSettings defaults() {
        return new SubscriptionSettings(Duration.ofSeconds(5), 3, 100);
    }
}
