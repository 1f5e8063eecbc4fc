package com.novaquant.ingestion.application;

import com.novaquant.events.FeedGate;
import com.novaquant.events.Severity;
import com.novaquant.ingestion.domain.SymbolGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every symbol's feed gate. Each change (closed, lifted) is published as a {@link FeedGate} and raised as one alert
 * per change, the symbols that changed together for the same reason grouped in one: WARNING {@code FEED_GATED} when
 * gates close, INFO {@code FEED_GATE_LIFTED} when they lift, and one CRITICAL {@code FEED_GATED_LONG} when gates have
 * stayed closed for the escalation time. At start-up every symbol is published gated ("feeds starting", no alert),
 * clearing whatever a previous instance left, and lifts once its feeds have delivered and healed. A publication the
 * broker did not take is published again, with the state of the moment, on the next pass. Watchdog thread only.
 */
final class FeedGates {

    static final String FEED_GATED = "FEED_GATED";
    static final String FEED_GATE_LIFTED = "FEED_GATE_LIFTED";
    static final String FEED_GATED_LONG = "FEED_GATED_LONG";

    /** How the symbol's feeds look now: why one cannot be trusted (null if none), and whether all are healthy. */
    record Look(String problem, boolean healthy) {
    }

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final Map<String, SymbolGate> gates = new LinkedHashMap<>();
    private final Map<String, Boolean> gatedNow = new ConcurrentHashMap<>();
    private final Set<String> unpublished = ConcurrentHashMap.newKeySet();
    private final FeedGatePublisher publisher;
    private final AlertSender alerts;
    private final IngestionMetrics metrics;
    private final Duration healAfter;
    private final Duration escalateAfter;
    private final LongSupplier wallClockMillis;

    FeedGates(Collection<String> symbols, FeedGatePublisher publisher, AlertSender alerts, IngestionMetrics metrics,
              Duration healAfter, Duration escalateAfter, long nowNanos, LongSupplier wallClockMillis) {
        this.publisher = publisher;
        this.alerts = alerts;
        this.metrics = metrics;
        this.healAfter = healAfter;
        this.escalateAfter = escalateAfter;
        this.wallClockMillis = wallClockMillis;
        for (String symbol : symbols.stream().sorted().distinct().toList()) {
            track(symbol, nowNanos);
        }
    }

    private void track(String symbol, long nowNanos) {
        gates.put(symbol, new SymbolGate(healAfter.toNanos(), escalateAfter.toNanos(), nowNanos));
        gatedNow.put(symbol, true);
        metrics.gateMeters(symbol, () -> gatedNow.getOrDefault(symbol, false));
    }

    /**
     * Symbols subscribed while running: each starts gated ("feeds starting", published, no alert), like every symbol
     * at start-up, and lifts once its feeds have delivered and healed.
     */
    void add(Collection<String> symbols, long nowNanos) {
        for (String symbol : symbols.stream().sorted().distinct().toList()) {
            if (!gates.containsKey(symbol)) {
                track(symbol, nowNanos);
                publish(symbol);
            }
        }
    }

    /** Symbols no longer subscribed: forgotten, so they are neither reported as gated nor alerted on. */
    void remove(Collection<String> symbols) {
        for (String symbol : symbols) {
            if (gates.remove(symbol) != null) {
                gatedNow.remove(symbol);
                unpublished.remove(symbol);
                metrics.removeGateMeters(symbol);
            }
        }
    }

    /** Publishes every symbol's starting state (gated until its feeds have delivered and healed). */
    void announce() {
        gates.keySet().forEach(this::publish);
    }

    boolean gated(String symbol) {
        return gatedNow.getOrDefault(symbol, false);
    }

    /** One pass: every symbol's look (a symbol not in it has nothing healthy to show). */
    void observe(Map<String, Look> looks, long nowNanos) {
        for (String symbol : List.copyOf(unpublished)) {
            unpublished.remove(symbol);
            publish(symbol);
        }
        Map<String, List<String>> closed = new LinkedHashMap<>();
        Map<String, List<String>> lifted = new LinkedHashMap<>();
        Map<String, List<String>> escalated = new LinkedHashMap<>();
        for (Map.Entry<String, SymbolGate> entry : gates.entrySet()) {
            String symbol = entry.getKey();
            SymbolGate gate = entry.getValue();
            Look look = looks.getOrDefault(symbol, new Look(null, false));
            switch (gate.observe(look.problem(), look.healthy(), nowNanos)) {
                case CLOSED -> {
                    changed(symbol, true);
                    closed.computeIfAbsent(gate.reason(), k -> new ArrayList<>()).add(symbol);
                }
                case LIFTED -> {
                    changed(symbol, false);
                    lifted.computeIfAbsent(gate.reason(), k -> new ArrayList<>()).add(symbol);
                }
                case ESCALATED -> escalated.computeIfAbsent(gate.reason(), k -> new ArrayList<>()).add(symbol);
                case NONE -> { }
            }
        }
        closed.forEach((why, symbols) -> alerts.raise(Severity.WARNING, FEED_GATED, String.join(",", symbols),
                FeedTexts.gated(symbols, why, healAfter)));
        lifted.forEach((after, symbols) -> alerts.raise(Severity.INFO, FEED_GATE_LIFTED, String.join(",", symbols),
                FeedTexts.lifted(symbols, healAfter, after)));
        escalated.forEach((why, symbols) -> alerts.raise(Severity.CRITICAL, FEED_GATED_LONG, String.join(",", symbols),
                FeedTexts.gatedLong(symbols, escalateAfter, why)));
    }

    private void changed(String symbol, boolean gated) {
        gatedNow.put(symbol, gated);
        metrics.gateChanged(symbol, gated ? "closed" : "lifted");
        publish(symbol);
    }

    private void publish(String symbol) {
        SymbolGate gate = gates.get(symbol);
        if (gate == null) {
            return;
        }
        FeedGate event = new FeedGate(symbol, gate.gated(), gate.gated() ? gate.reason() : FeedTexts.healthyFor(healAfter),
                wallClockMillis.getAsLong());
        log.info("feed gate {} {}: {}", symbol, event.gated() ? "closed" : "lifted", event.reason());
        try {
            publisher.publish(event).whenComplete((ok, error) -> {
                if (error != null) {
                    unpublished.add(symbol);
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not publish the feed gate of {}: {}", symbol, e.toString());
            unpublished.add(symbol);
        }
    }
}
