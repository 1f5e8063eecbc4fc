package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The faults an operator or a test has armed through the admin API. One-shot order faults are keyed
 * by venue and symbol and consumed by the next order there; stream and REST faults stay until
 * cleared. Every applied fault is counted in {@code nova.simulator.faults.injected}.
 */
public final class Faults {

    /** How an ambiguous answer looks to the client; the order is placed in every mode. */
    public enum AmbiguousMode {
        HTTP_5XX,
        CODE_1007,
        TIMEOUT
    }

    private final Map<String, Rejection> rejectNext = new ConcurrentHashMap<>();
    private final Map<String, AmbiguousMode> ambiguousNext = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> partialNext = new ConcurrentHashMap<>();
    private final Map<Venue, Long> feedLagMillis = new ConcurrentHashMap<>();
    private final Map<Venue, Double> dropRatio = new ConcurrentHashMap<>();
    private final Map<Venue, AtomicInteger> malformedLeft = new EnumMap<>(Venue.class);
    private final Map<Venue, AtomicInteger> replayLeft = new EnumMap<>(Venue.class);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final LongSupplier wallMillis;
    private volatile long responseDelayMillis;
    /** Binance bans per API cluster: a ban on the spot API leaves the futures API answering, and the reverse. */
    private final Map<Venue, Long> banUntil = new ConcurrentHashMap<>();
    private volatile long rateLimitUntil;

    public Faults(MeterRegistry registry, LongSupplier wallMillis) {
        this.registry = registry;
        this.wallMillis = wallMillis;
        for (Venue venue : Venue.values()) {
            malformedLeft.put(venue, new AtomicInteger());
            replayLeft.put(venue, new AtomicInteger());
        }
    }

    public void rejectNext(Venue venue, String symbol, Rejection rejection) {
        rejectNext.put(key(venue, symbol), rejection);
    }

    public void ambiguousNext(Venue venue, String symbol, AmbiguousMode mode) {
        ambiguousNext.put(key(venue, symbol), mode);
    }

    public void partialFillNext(Venue venue, String symbol, BigDecimal ratio) {
        partialNext.put(key(venue, symbol), ratio);
    }

    public Optional<Rejection> takeRejection(Venue venue, String symbol) {
        return take(rejectNext.remove(key(venue, symbol)), "reject_next");
    }

    public Optional<AmbiguousMode> takeAmbiguous(Venue venue, String symbol) {
        return take(ambiguousNext.remove(key(venue, symbol)), "ambiguous_next");
    }

    public Optional<BigDecimal> takePartialFill(Venue venue, String symbol) {
        return take(partialNext.remove(key(venue, symbol)), "partial_fill_next");
    }

    public void responseDelay(long millis) {
        responseDelayMillis = Math.max(0, millis);
        count("response_delay");
    }

    public long responseDelayMillis() {
        return responseDelayMillis;
    }

    public void feedLag(Venue venue, long millis) {
        feedLagMillis.put(venue, Math.max(0, millis));
        count("feed_lag");
    }

    public long feedLagMillis(Venue venue) {
        return feedLagMillis.getOrDefault(venue, 0L);
    }

    public void dropFrames(Venue venue, double ratio) {
        dropRatio.put(venue, Math.clamp(ratio, 0.0, 1.0));
        count("drop_frames");
    }

    /** Whether this frame should be dropped; counted when it is. */
    public boolean dropFrame(Venue venue) {
        double ratio = dropRatio.getOrDefault(venue, 0.0);
        if (ratio > 0 && ThreadLocalRandom.current().nextDouble() < ratio) {
            count("drop_frames");
            return true;
        }
        return false;
    }

    public void malformedFrames(Venue venue, int count) {
        malformedLeft.get(venue).set(Math.max(0, count));
    }

    /** Whether this frame should be replaced by a malformed one; consumes one of the armed count. */
    public boolean takeMalformed(Venue venue) {
        return takeOne(malformedLeft.get(venue), "malformed_frames");
    }

    public void replayFrames(Venue venue, int count) {
        replayLeft.get(venue).set(Math.max(0, count));
    }

    /**
     * Whether an earlier frame of the stream should be sent again after this book-ticker frame; consumes one of the
     * armed count.
     */
    public boolean takeReplay(Venue venue) {
        return takeOne(replayLeft.get(venue), "replay_frames");
    }

    private boolean takeOne(AtomicInteger left, String fault) {
        if (left.get() <= 0) {
            return false;
        }
        if (left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            count(fault);
            return true;
        }
        return false;
    }

    /** Bans every venue's API for {@code seconds}. */
    public void ban(long seconds) {
        for (Venue venue : Venue.values()) {
            ban(venue, seconds);
        }
    }

    /** Bans one venue's API for {@code seconds}; the others keep answering. */
    public void ban(Venue venue, long seconds) {
        banUntil.put(venue, wallMillis.getAsLong() + seconds * 1000);
        count("ban");
    }

    public void rateLimit(long seconds) {
        rateLimitUntil = wallMillis.getAsLong() + seconds * 1000;
        count("rate_limit");
    }

    /** Seconds left of an armed ban on {@code venue}'s API, 0 when none. */
    public long banSecondsLeft(Venue venue) {
        return secondsLeft(banUntil.getOrDefault(venue, 0L));
    }

    public long rateLimitSecondsLeft() {
        return secondsLeft(rateLimitUntil);
    }

    /** Counts one applied fault of kind {@code fault}. */
    public void count(String fault) {
        counters.computeIfAbsent(fault, f -> Counter.builder("nova.simulator.faults.injected")
                .description("Faults applied by the simulator").tag("fault", f).register(registry)).increment();
    }

    public void clear() {
        rejectNext.clear();
        ambiguousNext.clear();
        partialNext.clear();
        feedLagMillis.clear();
        dropRatio.clear();
        malformedLeft.values().forEach(a -> a.set(0));
        replayLeft.values().forEach(a -> a.set(0));
        responseDelayMillis = 0;
        banUntil.clear();
        rateLimitUntil = 0;
    }

    /** The armed faults, for GET /admin/faults. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rejectNext", Map.copyOf(rejectNext));
        out.put("ambiguousNext", Map.copyOf(ambiguousNext));
        out.put("partialFillNext", Map.copyOf(partialNext));
        out.put("responseDelayMs", responseDelayMillis);
        out.put("feedLagMs", Map.copyOf(feedLagMillis));
        out.put("dropFrames", Map.copyOf(dropRatio));
        Map<Venue, Integer> malformed = new EnumMap<>(Venue.class);
        malformedLeft.forEach((v, n) -> malformed.put(v, n.get()));
        out.put("malformedFrames", malformed);
        Map<Venue, Integer> replay = new EnumMap<>(Venue.class);
        replayLeft.forEach((v, n) -> replay.put(v, n.get()));
        out.put("replayFrames", replay);
        Map<Venue, Long> bans = new EnumMap<>(Venue.class);
        for (Venue venue : Venue.values()) {
            bans.put(venue, banSecondsLeft(venue));
        }
        out.put("banSecondsLeft", bans);
        out.put("rateLimitSecondsLeft", rateLimitSecondsLeft());
        return out;
    }

    private long secondsLeft(long until) {
        long left = until - wallMillis.getAsLong();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    private <T> Optional<T> take(T value, String fault) {
        if (value != null) {
            count(fault);
        }
        return Optional.ofNullable(value);
    }

    private static String key(Venue venue, String symbol) {
        return venue + ":" + symbol;
    }
}
