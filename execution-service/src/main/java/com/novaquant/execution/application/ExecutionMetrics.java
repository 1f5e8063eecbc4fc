package com.novaquant.execution.application;

import com.novaquant.events.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/** Every execution metric in one place; the README lists them with their meaning. */
public class ExecutionMetrics {

    private final MeterRegistry registry;

    public ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void signal(String outcome) {
        registry.counter("nova.execution.signals", "outcome", outcome).increment();
    }

    public void signalToOrder(long micros) {
        latency("nova.execution.signal.to.order", micros);
    }

    public void tickToOrder(long micros) {
        latency("nova.execution.tick.to.order", micros);
    }

    public void roundTrip(Venue venue, long nanos) {
        Timer.builder("nova.execution.order.round.trip").tag("venue", venue.name()).publishPercentileHistogram()
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void order(Venue venue, String outcome, int code) {
        registry.counter("nova.execution.orders", "venue", venue.name(), "outcome", outcome,
                "code", Integer.toString(code)).increment();
    }

    public void fillRatio(Venue venue, double ratio) {
        DistributionSummary.builder("nova.execution.fill.ratio").tag("venue", venue.name())
                .register(registry).record(ratio);
    }

    public void hedgeCompletion(long nanos) {
        Timer.builder("nova.execution.hedge.completion").publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void legRisk(String resolution, long nakedMs) {
        registry.counter("nova.execution.leg.risk.episodes", "resolution", resolution).increment();
        Timer.builder("nova.execution.naked.time").register(registry).record(Duration.ofMillis(nakedMs));
    }

    public void refusal(String code) {
        registry.counter("nova.execution.pretrade.refusals", "reason", code).increment();
    }

    public void fundingReceived(double amount) {
        Counter.builder("nova.execution.funding.received").baseUnit("usdt").register(registry).increment(amount);
    }

    /** A gauge read from a supplier; held strongly (Micrometer holds gauge state weakly by default). */
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value, v -> v.get().doubleValue()).strongReference(true).register(registry);
    }

    private void latency(String name, long micros) {
        if (micros < 0) {
            return;
        }
        Timer.builder(name).publishPercentileHistogram().register(registry).record(Duration.ofNanos(micros * 1000));
    }
}
