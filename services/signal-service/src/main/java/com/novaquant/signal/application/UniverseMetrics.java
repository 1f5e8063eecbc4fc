package com.novaquant.signal.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/** The traded universe's meters (listed in README.md); gauges read values the universe service sets. */
public final class UniverseMetrics {

    /** What became of a market scan. */
    public enum ScanOutcome {
        /** Chosen on. */
        USED,
        /** Older than {@code scan-max-age} when it arrived. */
        STALE,
        /** Not newer than the scan already used (a replay). */
        OUT_OF_ORDER,
        /** Not a market scan. */
        UNDECODABLE
    }

    private final MeterRegistry registry;
    private final Map<String, SymbolGauges> symbols = new ConcurrentHashMap<>();
    private final Counter[] scans;
    private volatile double size;
    private volatile double revision;

    public UniverseMetrics(MeterRegistry registry, DoubleSupplier scanAgeSeconds) {
        this.registry = registry;
        Gauge.builder("nova.universe.size", this, m -> m.size)
                .description("Members of the traded universe").register(registry);
        Gauge.builder("nova.universe.revision", this, m -> m.revision)
                .description("Revision of the traded universe in force (0: none known yet)").register(registry);
        Gauge.builder("nova.universe.scan.age.seconds", scanAgeSeconds, DoubleSupplier::getAsDouble)
                .description("Age of the newest market scan chosen on; NaN before the first")
                .strongReference(true).register(registry);
        scans = new Counter[ScanOutcome.values().length];
        for (ScanOutcome outcome : ScanOutcome.values()) {
            scans[outcome.ordinal()] = Counter.builder("nova.universe.scans")
                    .description("Market scans read, by what became of them")
                    .tag("outcome", outcome.name()).register(registry);
        }
    }

    void scan(ScanOutcome outcome) {
        scans[outcome.ordinal()].increment();
    }

    /** The scans read so far with this outcome. */
    public double scans(ScanOutcome outcome) {
        return scans[outcome.ordinal()].count();
    }

    void universe(int members, long revision) {
        this.size = members;
        this.revision = revision;
    }

    void change(String change, String reason) {
        registry.counter("nova.universe.changes", "change", change, "reason", reason).increment();
    }

    /** Sets a symbol's gauges, registering them the first time the symbol is seen. */
    void symbol(String symbol, boolean member, double notional, double netCarryApr) {
        SymbolGauges gauges = symbols.computeIfAbsent(symbol, this::register);
        gauges.member = member ? 1 : 0;
        gauges.notional = notional;
        gauges.netCarryApr = netCarryApr;
    }

    private SymbolGauges register(String symbol) {
        SymbolGauges gauges = new SymbolGauges();
        Gauge.builder("nova.universe.member", gauges, g -> g.member)
                .description("1 while the symbol is a member of the traded universe, 0 otherwise")
                .tag("symbol", symbol).register(registry);
        Gauge.builder("nova.universe.notional.usdt", gauges, g -> g.notional)
                .description("The notional budget of the symbol's pair, USDT (0 outside the universe)")
                .tag("symbol", symbol).register(registry);
        Gauge.builder("nova.universe.net.carry.apr", gauges, g -> g.netCarryApr)
                .description("The symbol's net carry (annualised fraction) at the latest scan; NaN when not scanned")
                .tag("symbol", symbol).register(registry);
        return gauges;
    }

    private static final class SymbolGauges {
        volatile double member;
        volatile double notional;
        volatile double netCarryApr = Double.NaN;
    }
}
