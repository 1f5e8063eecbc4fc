package com.novaquant.execution.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * When to read the income history so that each funding payment of a held symbol is in the books within a minute of
 * its funding time: {@link #SETTLE} after the time, then every {@link #RETRY} until the symbol's payment is stored or
 * {@link #GIVE_UP} has passed; and in any case once per slow period. Not thread-safe: one reader uses it.
 */
public final class FundingReadSchedule {

    public static final Duration SETTLE = Duration.ofSeconds(5);
    public static final Duration RETRY = Duration.ofSeconds(15);
    public static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final long periodMs;
    /** symbol to the funding time (epoch ms) whose payment is awaited. */
    private final Map<String, Long> awaited = new HashMap<>();
    private long lastReadMs;

    public FundingReadSchedule(Duration period) {
        this.periodMs = period.toMillis();
    }

    public boolean awaits(String symbol) {
        return awaited.containsKey(symbol);
    }

    /** The symbol's next funding time, learned while it is held. */
    public void await(String symbol, long fundingTimeMs) {
        awaited.put(symbol, fundingTimeMs);
    }

    public boolean due(long nowMs) {
        if (nowMs - lastReadMs >= periodMs) {
            return true;
        }
        for (long fundingTime : awaited.values()) {
            long firstRead = fundingTime + SETTLE.toMillis();
            if (nowMs >= firstRead && (lastReadMs < firstRead || nowMs - lastReadMs >= RETRY.toMillis())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A read finished at {@code nowMs}. A funding time whose payment is stored, or that waited {@link #GIVE_UP}, is
     * no longer awaited; the symbol's next one is learned while it is still held.
     *
     * @param latestPaymentMs the time of a symbol's newest stored funding payment (0: none)
     */
    public void read(long nowMs, ToLongFunction<String> latestPaymentMs) {
        lastReadMs = nowMs;
        awaited.entrySet().removeIf(e -> latestPaymentMs.applyAsLong(e.getKey()) >= e.getValue()
                || nowMs > e.getValue() + GIVE_UP.toMillis());
    }
}
