package com.novaquant.signal.application;

import com.novaquant.events.Signal;
import com.novaquant.strategy.pair.FundingTracker;
import com.novaquant.strategy.pair.IntervalSource;
import com.novaquant.strategy.pair.PairState;
import com.novaquant.strategy.pair.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The service's meters (listed in README.md). Counters touched per tick are registered up front so that counting
 * a rejection is an array index and an increment, never a registry lookup.
 */
public final class SignalMetrics {

    /** Which kind of publication a signal was. */
    public enum Kind {
        /** A new target. */
        CHANGE,
        /** The standing target, re-published. */
        REFRESH
    }

    /** Why a market-data update was dropped before evaluation. */
    public enum Drop {
        UNKNOWN_SYMBOL,
        MALFORMED,
        OUT_OF_ORDER
    }

    /** Why a record of the shared settings was not applied. */
    public enum SettingsRefusal {
        /** Signing keys are set and the record is not sealed with one of them. */
        UNSEALED,
        /** Not a settings record: undecodable, another type, no value, or another key. */
        UNDECODABLE,
        /** A settings record whose settings do not bind or fail validation. */
        INVALID
    }

    private final MeterRegistry registry;
    private final Timer tickToSignal;
    private final Counter[] drops;
    private final Counter[] settingsRefusals;

    public SignalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tickToSignal = Timer.builder("nova.signal.tick.to.signal")
                .description("From the receipt of the update that triggered a decision to the signal's hand-off to Kafka")
                .publishPercentiles(0.5, 0.9, 0.99, 0.999)
                .register(registry);
        this.drops = new Counter[Drop.values().length];
        for (Drop drop : Drop.values()) {
            drops[drop.ordinal()] = Counter.builder("nova.signal.updates.dropped")
                    .description("Market-data updates dropped before evaluation")
                    .tag("reason", drop.name())
                    .register(registry);
        }
        this.settingsRefusals = new Counter[SettingsRefusal.values().length];
        for (SettingsRefusal refusal : SettingsRefusal.values()) {
            settingsRefusals[refusal.ordinal()] = Counter.builder("nova.signal.settings.refused")
                    .description("Records of the shared settings topic that were not applied")
                    .tag("reason", refusal.name())
                    .register(registry);
        }
    }

    /** A record of the shared settings was not applied. */
    public void settingsRefused(SettingsRefusal refusal) {
        settingsRefusals[refusal.ordinal()].increment();
    }

    /** The records of the shared settings refused so far for this reason. */
    public double settingsRefusals(SettingsRefusal refusal) {
        return settingsRefusals[refusal.ordinal()].count();
    }

    void settingsRevision(DoubleSupplier revision) {
        Gauge.builder("nova.signal.settings.revision", revision, DoubleSupplier::getAsDouble)
                .description("Revision of the settings in force: 0 for the start-up properties; replicas that differ "
                        + "have not read the same change")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Rejection counters of one symbol, indexed by {@link RejectReason#ordinal()}, its carry and interval gauges.
     *
     * @param configuredIntervalHours the symbol's configured funding interval, read at each scrape (it can be changed
     *                                at runtime)
     */
    Counter[] registerSymbol(PairState state, DoubleSupplier configuredIntervalHours) {
        Gauge.builder("nova.signal.carry", state, PairState::carryApr)
                .description("Expected net carry (annualised fraction) on the latest sound data; NaN while unsound")
                .tag("symbol", state.symbol())
                .register(registry);
        FundingTracker funding = state.funding();
        Gauge.builder("nova.signal.funding.interval.hours", funding,
                        f -> f.intervalHours(configuredIntervalHours.getAsDouble()))
                .description("Funding interval the symbol's carry is annualised over, from the source in "
                        + "nova_signal_funding_interval_source")
                .tag("symbol", state.symbol())
                .register(registry);
        for (IntervalSource source : IntervalSource.values()) {
            Gauge.builder("nova.signal.funding.interval.source", funding, f -> f.intervalSource() == source ? 1 : 0)
                    .description("1 for where the funding interval in use comes from: published with the funding "
                            + "(the exchange's listing), observed from funding times, or configured")
                    .tag("symbol", state.symbol())
                    .tag("source", source.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Counter[] rejected = new Counter[RejectReason.values().length];
        for (RejectReason reason : RejectReason.values()) {
            rejected[reason.ordinal()] = Counter.builder("nova.signal.rejected")
                    .description("Evaluations that produced no signal: a guard, the desk mode or a feed gate held them")
                    .tag("symbol", state.symbol())
                    .tag("reason", reason.name())
                    .register(registry);
        }
        return rejected;
    }

    void dropped(Drop drop) {
        drops[drop.ordinal()].increment();
    }

    void published(String symbol, Signal.Reason reason, Kind kind, long latencyMicros) {
        registry.counter("nova.signal.signals", "symbol", symbol, "reason", reason.name(), "kind", kind.name())
                .increment();
        tickToSignal.record(Math.max(0, latencyMicros), TimeUnit.MICROSECONDS);
    }
}
