package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every order request received, in arrival order, with its outcome, including the rejected ones
 * that never became orders: tests use it to prove that a retry did not place a second order.
 */
public final class OrderJournal {

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public OrderJournal(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Entry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
        String outcome = entry.outcome().startsWith("REJECTED") ? "rejected"
                : entry.outcome().startsWith("AMBIGUOUS") ? "ambiguous" : "accepted";
        counters.computeIfAbsent(entry.venue() + ":" + outcome, k -> Counter.builder("nova.simulator.orders")
                .description("Orders received").tag("venue", entry.venue().name()).tag("outcome", outcome)
                .register(registry)).increment();
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /**
     * One received order request. {@code orderId} is null when it was rejected before placement;
     * {@code outcome} is ACCEPTED, REJECTED:&lt;code&gt; or AMBIGUOUS:&lt;mode&gt;.
     */
    public record Entry(Venue venue, String symbol, Long orderId, String clientOrderId, String side, String type,
                        String timeInForce, String price, String quantity, String outcome, long receivedAt) {
    }
}
