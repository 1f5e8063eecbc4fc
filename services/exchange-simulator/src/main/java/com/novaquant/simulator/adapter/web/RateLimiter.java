package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import org.springframework.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Request weight per IP and venue in one-minute windows (Binance's X-MBX-USED-WEIGHT-1M), and order
 * counts per account. Over the weight limit a client gets 429 -1003 with Retry-After until the window
 * ends; one that keeps going gets an automatic 418 ban.
 */
final class RateLimiter {

    private final Map<String, Window> weights = new HashMap<>();
    private final Map<String, long[]> orderCounts = new HashMap<>();
    private final Map<String, Long> bans = new HashMap<>();
    private final int spotLimit;
    private final int futuresLimit;
    private final int banAfter429s;
    private final long banMillis;
    private final LongSupplier wallMillis;

    RateLimiter(int spotLimit, int futuresLimit, int banAfter429s, long banMillis, LongSupplier wallMillis) {
        this.spotLimit = spotLimit;
        this.futuresLimit = futuresLimit;
        this.banAfter429s = banAfter429s;
        this.banMillis = banMillis;
        this.wallMillis = wallMillis;
    }

    /** Adds {@code weight} for {@code ip} and returns the used weight; throws 429/418 over the limit. */
    synchronized int admit(String ip, Venue venue, int weight) {
        long now = wallMillis.getAsLong();
        Long bannedUntil = bans.get(ip);
        if (bannedUntil != null && bannedUntil > now) {
            throw new ApiException(HttpStatus.I_AM_A_TEAPOT, -1003,
                    "Way too much request weight used; IP banned until " + bannedUntil + ". Please use WebSocket Streams for live updates to avoid bans.",
                    (bannedUntil - now + 999) / 1000);
        }
        long minute = now / 60_000 * 60_000;
        Window window = weights.computeIfAbsent(ip + ":" + venue, k -> new Window());
        if (window.start != minute) {
            window.start = minute;
            window.used = 0;
            window.rejected = 0;
        }
        int limit = venue == Venue.SPOT ? spotLimit : futuresLimit;
        if (window.used + weight > limit) {
            window.rejected++;
            if (window.rejected > banAfter429s) {
                bans.put(ip, now + banMillis);
                throw new ApiException(HttpStatus.I_AM_A_TEAPOT, -1003,
                        "Way too much request weight used; IP banned until " + (now + banMillis) + ". Please use WebSocket Streams for live updates to avoid bans.",
                        (banMillis + 999) / 1000);
            }
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, -1003,
                    "Too much request weight used; current limit is " + limit + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
                    (minute + 60_000 - now + 999) / 1000);
        }
        window.used += weight;
        return window.used;
    }

    synchronized int used(String ip, Venue venue) {
        Window window = weights.get(ip + ":" + venue);
        long minute = wallMillis.getAsLong() / 60_000 * 60_000;
        return window == null || window.start != minute ? 0 : window.used;
    }

    /**
     * Counts one order for the account and returns the counts in the venue's two intervals: spot 10 s
     * and 1 day, futures 10 s and 1 minute.
     */
    synchronized long[] countOrder(String apiKey, Venue venue) {
        long now = wallMillis.getAsLong();
        long longInterval = venue == Venue.SPOT ? 86_400_000L : 60_000L;
        long[] c = orderCounts.computeIfAbsent(apiKey + ":" + venue, k -> new long[4]);
        long shortStart = now / 10_000 * 10_000;
        long longStart = now / longInterval * longInterval;
        if (c[0] != shortStart) {
            c[0] = shortStart;
            c[1] = 0;
        }
        if (c[2] != longStart) {
            c[2] = longStart;
            c[3] = 0;
        }
        c[1]++;
        c[3]++;
        return new long[] {c[1], c[3]};
    }

    private static final class Window {
        private long start;
        private int used;
        private int rejected;
    }
}
