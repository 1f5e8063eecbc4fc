package com.novaquant.ingestion.application.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The scan's meters; every endpoint and reason exists at 0 from start-up, so a rate works before the first event. */
public final class MarketScanMetrics {

    /** Failure tag of a scan that could not be handed to the broker. */
    public static final String PUBLISH = "publish";
    /** Failure tag of a scan that broke on something unexpected of its own. */
    public static final String INTERNAL = "internal";
    /** Skip tag: a call would have taken the venue's used weight over the threshold. */
    public static final String USED_WEIGHT = "used_weight";
    /** Skip tag: the venue answered 429 or 418 and its Retry-After has not passed. */
    public static final String RETRY_AFTER = "retry_after";

    private final AtomicInteger symbols = new AtomicInteger();
    private final AtomicLong lastSuccessMs = new AtomicLong();
    private final Timer duration;
    private final Map<String, Counter> failures = new HashMap<>();
    private final Map<ExclusionReason, Counter> excluded = new EnumMap<>(ExclusionReason.class);
    private final Map<String, Counter> skipped = new HashMap<>();

    public MarketScanMetrics(MeterRegistry registry) {
        Gauge.builder("nova.market.scan.symbols", symbols, AtomicInteger::get)
                .description("Symbols in the last published market scan")
                .register(registry);
        Gauge.builder("nova.market.scan.last.success.timestamp", lastSuccessMs, ms -> ms.get() / 1000.0)
                .description("When the last market scan was published, epoch seconds (0 before the first)")
                .baseUnit("seconds")
                .register(registry);
        this.duration = Timer.builder("nova.market.scan.duration")
                .description("Time to read every endpoint of a market scan and join them")
                .register(registry);
        for (ScanEndpoint endpoint : ScanEndpoint.values()) {
            failures.put(endpoint.label(), failureCounter(registry, endpoint.label()));
        }
        failures.put(PUBLISH, failureCounter(registry, PUBLISH));
        failures.put(INTERNAL, failureCounter(registry, INTERNAL));
        for (ExclusionReason reason : ExclusionReason.values()) {
            excluded.put(reason, Counter.builder("nova.market.scan.excluded")
                    .description("Symbols on both venues left out of a scan, by reason")
                    .tag("reason", reason.name())
                    .register(registry));
        }
        for (String reason : new String[]{USED_WEIGHT, RETRY_AFTER}) {
            skipped.put(reason, Counter.builder("nova.market.scan.skipped")
                    .description("Scans skipped to spare the venue's request weight, by reason")
                    .tag("reason", reason)
                    .register(registry));
        }
    }

    private static Counter failureCounter(MeterRegistry registry, String endpoint) {
        return Counter.builder("nova.market.scan.failures")
                .description("Market scans that published nothing, by the endpoint (or step) that failed")
                .tag("endpoint", endpoint)
                .register(registry);
    }

    void failed(String endpoint) {
        failures.get(endpoint).increment();
    }

    void skipped(String reason) {
        skipped.get(reason).increment();
    }

    void took(long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void published(JoinedScan joined, long nowMs) {
        symbols.set(joined.scan().symbols().size());
        joined.excluded().forEach((reason, count) -> excluded.get(reason).increment(count));
        lastSuccessMs.set(nowMs);
    }
}
