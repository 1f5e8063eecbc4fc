package com.novaquant.binance.limits;

import com.novaquant.binance.filters.RateLimitRule;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before a request leaves the process, whether it may: refuses during an IP ban (418, on the gate's venue),
 * during a 429 {@code Retry-After}, while the venue's circuit breaker is open, and when the local share of the
 * exchange's REQUEST_WEIGHT or ORDERS budget (Resilience4j rate limiters sized from exchangeInfo) is spent.
 * A refusal is a {@link NotSent}: nothing reached Binance.
 */
public final class RequestGate {

    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    /** Share of the exchange's per-minute weight at which weighted requests stop until the minute turns. */
    static final double WEIGHT_HEADROOM = 0.95;

    private final String name;
    private final BanState ban;
    private final Supplier<Instant> clock;
    private final double budgetFraction;
    private final CircuitBreaker circuitBreaker;
    private final AtomicReference<Instant> retryAfterUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<List<RateLimiter>> weightLimiters = new AtomicReference<>(List.of());
    private final AtomicReference<List<RateLimiter>> orderLimiters = new AtomicReference<>(List.of());
    private final AtomicReference<Instant> weightExhaustedUntil = new AtomicReference<>(Instant.MIN);
    private volatile int exchangeWeightPerMinute;

    /**
     * @param name             venue name, used in limiter and breaker names
     * @param defaultRules     limits used until exchangeInfo is loaded
     * @param budgetFraction   share of each exchange limit this process may use
     * @param circuitOpenFor   how long the breaker stays open
     */
    public RequestGate(String name, BanState ban, Supplier<Instant> clock, List<RateLimitRule> defaultRules,
                       double budgetFraction, Duration circuitOpenFor) {
        this.name = name;
        this.ban = ban;
        this.clock = clock;
        this.budgetFraction = budgetFraction;
        this.circuitBreaker = CircuitBreaker.of("binance-" + name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(circuitOpenFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        resize(defaultRules);
    }

    /** Rebuilds the local limiters from exchangeInfo's {@code rateLimits[]}. */
    public void resize(List<RateLimitRule> rules) {
        List<RateLimiter> weights = new ArrayList<>();
        List<RateLimiter> orders = new ArrayList<>();
        for (RateLimitRule rule : rules) {
            Duration window;
            try {
                window = rule.window();
            } catch (IllegalArgumentException e) {
                log.warn("ignoring Binance rate limit with an unknown interval: {}", rule);
                continue;
            }
            if (rule.limit() <= 0) {
                log.warn("ignoring Binance rate limit without a positive limit: {}", rule);
                continue;
            }
            if (rule.type().equals("REQUEST_WEIGHT") && window.equals(Duration.ofMinutes(1))) {
                exchangeWeightPerMinute = rule.limit();
            }
            int budget = Math.max(1, (int) Math.floor(rule.limit() * budgetFraction));
            RateLimiter limiter = RateLimiter.of("binance-" + name + "-" + rule.type() + "-" + rule.intervalNum()
                    + rule.interval(), RateLimiterConfig.custom()
                    .limitRefreshPeriod(window)
                    .limitForPeriod(budget)
                    .timeoutDuration(Duration.ZERO)
                    .build());
            switch (rule.type()) {
                case "REQUEST_WEIGHT" -> weights.add(limiter);
                case "ORDERS" -> orders.add(limiter);
                default -> {
                    // RAW_REQUESTS windows are far looser than the weight limits at our request rates.
                }
            }
        }
        weightLimiters.set(List.copyOf(weights));
        orderLimiters.set(List.copyOf(orders));
    }

    /**
     * Admits a request or says why not. When admitted, the caller must report the result with
     * {@link #recordSuccess} or {@link #recordTransportFailure}.
     *
     * @param weight   the endpoint's IP weight
     * @param isOrder  whether the request counts against the ORDERS limits
     */
    public Optional<NotSent> admit(int weight, boolean isOrder) {
        Optional<Instant> banned = ban.activeUntil();
        if (banned.isPresent()) {
            return Optional.of(new NotSent(NotSentReason.BANNED, "IP banned by Binance until " + banned.get(),
                    banned));
        }
        Instant retryAfter = retryAfterUntil.get();
        if (clock.get().isBefore(retryAfter)) {
            return Optional.of(new NotSent(NotSentReason.RATE_LIMITED,
                    "Binance asked to retry after " + retryAfter + " (HTTP 429)", Optional.of(retryAfter)));
        }
        Instant weightBlocked = weightExhaustedUntil.get();
        if (weight > 0 && clock.get().isBefore(weightBlocked)) {
            return Optional.of(new NotSent(NotSentReason.RATE_LIMITED, "X-MBX-USED-WEIGHT-1M is within "
                    + Math.round(WEIGHT_HEADROOM * 100) + " % of the exchange limit " + exchangeWeightPerMinute
                    + " (shared by every process on this IP)", Optional.of(weightBlocked)));
        }
        if (!circuitBreaker.tryAcquirePermission()) {
            return Optional.of(NotSent.of(NotSentReason.CIRCUIT_OPEN,
                    "circuit breaker binance-" + name + " is open after transport failures"));
        }
        if (weight > 0) {
            for (RateLimiter limiter : weightLimiters.get()) {
                if (!limiter.acquirePermission(weight)) {
                    circuitBreaker.releasePermission();
                    return Optional.of(NotSent.of(NotSentReason.RATE_LIMITED,
                            "local request-weight budget spent (" + limiter.getName() + ")"));
                }
            }
        }
        if (isOrder) {
            for (RateLimiter limiter : orderLimiters.get()) {
                if (!limiter.acquirePermission(1)) {
                    circuitBreaker.releasePermission();
                    return Optional.of(NotSent.of(NotSentReason.RATE_LIMITED,
                            "local order-count budget spent (" + limiter.getName() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /** The request got an answer that says nothing bad about the transport (2xx, 4xx). */
    public void recordSuccess(long elapsedNanos) {
        circuitBreaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    /** The transport failed or Binance answered 5xx/408. */
    public void recordTransportFailure(long elapsedNanos, Throwable failure) {
        circuitBreaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, failure);
    }

    /**
     * The IP's used weight as Binance reports it ({@code X-MBX-USED-WEIGHT-1M}). Other processes on the same IP
     * spend weight this client cannot see; when the total nears the exchange's limit, weighted requests are
     * refused locally until the next minute, because the next step after 429s is an IP ban.
     */
    public void observeUsedWeight(long usedWeight) {
        int limit = exchangeWeightPerMinute;
        if (limit > 0 && usedWeight >= (long) Math.ceil(limit * WEIGHT_HEADROOM)) {
            Instant now = clock.get();
            Instant nextMinute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            weightExhaustedUntil.accumulateAndGet(nextMinute, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** HTTP 429: refuse locally until {@code now + retryAfter}. */
    public void retryAfter(Duration retryAfter) {
        Instant until = clock.get().plus(retryAfter);
        retryAfterUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether the breaker currently refuses calls. */
    public boolean circuitOpen() {
        CircuitBreaker.State state = circuitBreaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
