package com.novaquant.binance.rest;

import com.novaquant.binance.terms.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** The client's Micrometer meters; every name is documented in the module README. */
final class BinanceMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    BinanceMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Rate-limit and ban counters exist at zero from creation, so dashboards and alerts see a series
        // before the first 429/418 ever arrives.
        for (Venue venue : Venue.values()) {
            rateLimitedCounter(venue);
            bansCounter(venue);
            imprecisionCounter(venue);
        }
    }

    /** One finished request: latency and classified outcome. */
    void request(Venue venue, Endpoint endpoint, String outcomeClass, String code, Duration elapsed) {
        Timer.builder("nova.binance.request")
                .description("Binance REST request latency, including local refusals")
                .tags("venue", venue.tag(), "endpoint", endpoint.path(), "method", endpoint.method(),
                        "class", outcomeClass)
                .register(registry)
                .record(elapsed);
        Counter.builder("nova.binance.outcome")
                .description("Binance REST outcomes by class and Binance code (or local reason)")
                .tags("venue", venue.tag(), "endpoint", endpoint.path(), "method", endpoint.method(),
                        "class", outcomeClass, "code", code)
                .register(registry)
                .increment();
    }

    void usedWeight(Venue venue, long value) {
        gauge("nova.binance.used.weight", "X-MBX-USED-WEIGHT-1M of the last response", venue, "window", "1m")
                .set(value);
    }

    void orderCount(Venue venue, String window, long value) {
        gauge("nova.binance.order.count", "X-MBX-ORDER-COUNT-* of the last order response", venue, "window",
                window).set(value);
    }

    void clockOffset(Venue venue, long offsetMs) {
        gauge("nova.binance.clock.offset.ms", "Binance server time minus local time, ms", venue, null, null)
                .set(offsetMs);
    }

    void clockRoundTrip(Venue venue, long roundTripMs) {
        gauge("nova.binance.clock.round.trip.ms", "round trip of the server-time reading the offset came from, ms",
                venue, null, null).set(roundTripMs);
    }

    void timeSyncImprecise(Venue venue) {
        imprecisionCounter(venue).increment();
    }

    private Counter imprecisionCounter(Venue venue) {
        return Counter.builder("nova.binance.time.sync.imprecise")
                .description("server-time syncs not taken: even the best reading's round trip was too long")
                .tag("venue", venue.tag()).register(registry);
    }

    void rateLimited(Venue venue) {
        rateLimitedCounter(venue).increment();
    }

    void banned(Venue venue) {
        bansCounter(venue).increment();
    }

    private Counter rateLimitedCounter(Venue venue) {
        return Counter.builder("nova.binance.rate.limited").description("HTTP 429 responses")
                .tag("venue", venue.tag()).register(registry);
    }

    private Counter bansCounter(Venue venue) {
        return Counter.builder("nova.binance.bans").description("HTTP 418 IP bans")
                .tag("venue", venue.tag()).register(registry);
    }

    void timeResync(Venue venue, String trigger) {
        Counter.builder("nova.binance.time.resyncs").description("server-time synchronisations")
                .tags("venue", venue.tag(), "trigger", trigger).register(registry).increment();
    }

    void banActiveGauge(Venue venue, BooleanSupplier active) {
        Gauge.builder("nova.binance.ban.active", () -> active.getAsBoolean() ? 1 : 0)
                .description("1 while a Binance IP ban is in force on the venue (its requests refused locally)")
                .tag("venue", venue.tag())
                .register(registry);
    }

    void circuitOpenGauge(Venue venue, BooleanSupplier open) {
        Gauge.builder("nova.binance.circuit.open", () -> open.getAsBoolean() ? 1 : 0)
                .description("1 while the venue's circuit breaker refuses requests")
                .tag("venue", venue.tag())
                .register(registry);
    }

    private AtomicLong gauge(String name, String description, Venue venue, String tagKey, String tagValue) {
        String key = name + '|' + venue + '|' + tagValue;
        return gauges.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, holder, AtomicLong::doubleValue)
                    .description(description)
                    .tag("venue", venue.tag());
            if (tagKey != null) {
                builder.tag(tagKey, tagValue);
            }
            builder.register(registry);
            return holder;
        });
    }
}
