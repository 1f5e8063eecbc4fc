package com.novaquant.simulator.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;

/**
 * The history source's progress, for the admin API and two gauges ({@code nova.simulator.history.time},
 * {@code nova.simulator.history.minutes.played}). Exists with every source, so that it can be injected before the
 * market source starts; it reports nothing unless the history source runs.
 */
public final class HistoryProgress {

    private final MeterRegistry registry;
    private volatile HistorySource source;

    public HistoryProgress(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The history source started: from now on its progress is reported. */
    public void attach(HistorySource started) {
        this.source = started;
        Gauge.builder("nova.simulator.history.time", this, p -> p.status().map(s -> s.historyTimeMs() / 1000.0).orElse(Double.NaN))
                .description("The history instant the history source's market is at, epoch seconds")
                .baseUnit("seconds").register(registry);
        Gauge.builder("nova.simulator.history.minutes.played", this, p -> p.status().map(HistoryStatus::minutesPlayed).orElse(0L))
                .description("History minutes the history source has played since it started, every lap counted")
                .register(registry);
    }

    public void detach() {
        this.source = null;
    }

    /** Where the history source stands; empty when another source runs. */
    public Optional<HistoryStatus> status() {
        HistorySource running = source;
        return running == null ? Optional.empty() : Optional.of(running.status());
    }
}
