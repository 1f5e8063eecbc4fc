package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.PreTradeCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every execution metric in one place; the README lists them with their meaning. Meters whose tags come from a closed
 * set are registered here at construction, so a fresh service already exposes each series at zero (dashboards and
 * alert rules then see a flat line instead of no data).
 */
public class ExecutionMetrics {

    /** How a leg-risk episode ended, as the engine and {@code LegRiskEvent} name it. */
    public static final List<String> LEG_RISK_RESOLUTIONS = List.of("REHEDGED", "UNWOUND", "UNRESOLVED");

    /** Refusals counted before sending: the engine's kill-switch refusal and every pre-trade check code. */
    public static final List<String> REFUSAL_REASONS = Stream.concat(Stream.of("KILL_SWITCH", "MARGIN_CRITICAL", "UNRESOLVED_ORDERS",
                    "OUTSIDE_UNIVERSE", "SYMBOL_NOT_READY"),
            PreTradeCheck.REFUSAL_CODES.stream()).toList();

    /** Where a signal's time goes before its orders are out, as {@code nova_execution_signal_stage_seconds{stage}}. */
    public static final List<String> SIGNAL_STAGES = List.of("decode", "consumed", "delivery", "wait", "exposure", "decide",
            "write_ahead", "dispatch");

    private static final Logger log = LoggerFactory.getLogger(ExecutionMetrics.class);

    private final MeterRegistry registry;
    /** Recomputes the ledger-backed gauges ({@link #cachedGauge}), one at a time, off the scrape's thread. */
    private final ExecutorService gaugeRefresher =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ledger-gauges").daemon().factory());
    private final Timer hedgeCompletion;
    private final Timer nakedTime;
    private final Counter fundingReceived;
    private final Timer receivedToOrders;
    private final Timer legsAnswered;
    private final Timer slowerLeg;
    private final DistributionSummary legsConcurrency;
    private final Map<String, AtomicReference<Double>> booksDifferences = new ConcurrentHashMap<>();

    public ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hedgeCompletion = Timer.builder("nova.execution.hedge.completion").publishPercentileHistogram()
                .register(registry);
        this.nakedTime = Timer.builder("nova.execution.naked.time").register(registry);
        this.fundingReceived = Counter.builder("nova.execution.funding.received").baseUnit("usdt").register(registry);
        this.receivedToOrders = Timer.builder("nova.execution.signal.received.to.orders").publishPercentileHistogram()
                .register(registry);
        this.legsAnswered = Timer.builder("nova.execution.legs.answered").publishPercentileHistogram()
                .description("two-leg execution: first request sent -> both venues answered").register(registry);
        this.slowerLeg = Timer.builder("nova.execution.legs.slower.round.trip").publishPercentileHistogram()
                .description("two-leg execution: the slower leg's own round trip").register(registry);
        this.legsConcurrency = DistributionSummary.builder("nova.execution.legs.concurrency")
                .description("both legs answered / the slower leg's round trip: 1 when the legs run side by side, "
                        + "2 when one waits for the other")
                .serviceLevelObjectives(1.0, 1.05, 1.1, 1.2, 1.3, 1.5, 1.75, 2.0, 3.0).register(registry);
        SIGNAL_STAGES.forEach(this::stageTimer);
        LEG_RISK_RESOLUTIONS.forEach(this::legRiskEpisodes);
        REFUSAL_REASONS.forEach(this::refusals);
        for (AccountBook.Trigger trigger : AccountBook.Trigger.values()) {
            accountReads(trigger, true);
            accountReads(trigger, false);
        }
        for (String item : List.of(BooksReconciliation.FUNDING, BooksReconciliation.COMMISSION, BooksReconciliation.REALIZED_PNL)) {
            booksDifference(item, "USDT", BigDecimal.ZERO);
        }
        for (TradeBooking.Result result : TradeBooking.Result.values()) {
            Counter.builder("nova.execution.trades.booked").tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    /** The residual-dust gauge's value per symbol. */
    private final Map<String, AtomicReference<Double>> residues = new ConcurrentHashMap<>();

    /** What a symbol's last settled execution left below one step (no venue can trade it), base asset. */
    public void residue(String symbol, BigDecimal quantity) {
        residues.computeIfAbsent(symbol, s -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder("nova.execution.residual.dust", value, AtomicReference::get)
                    .description("hedge residue below one step after the symbol's last settled execution, base asset")
                    .tag("symbol", s).register(registry);
            return value;
        }).set(quantity.doubleValue());
    }

    public void signal(String outcome) {
        registry.counter("nova.execution.signals", "outcome", outcome).increment();
    }

    public void signalToOrder(long micros) {
        latency("nova.execution.signal.to.order", micros);
    }

    /** From the signal's arrival in this service to the moment the second of its two orders is handed to the venue. */
    public void signalReceivedToOrders(long nanos) {
        receivedToOrders.record(Duration.ofNanos(nanos));
    }

    /**
     * One stage of a signal on its way to orders: delivery (decided in signal-service → received here, across
     * processes on one clock), wait (for the desk and the symbol's previous trade), exposure (the read of the position
     * the decision starts from, writing nothing), decide, write_ahead (the signal's claim, the pair and both orders in
     * one commit), dispatch (write-ahead done → both orders handed to the venue).
     */
    public void stage(String stage, long nanos) {
        stageTimer(stage).record(Duration.ofNanos(Math.max(0, nanos)));
    }

    private Timer stageTimer(String stage) {
        // A histogram, not only a mean: a stage's median and tail are what the desk benchmark compares.
        return Timer.builder("nova.execution.signal.stage").tag("stage", stage).publishPercentileHistogram()
                .register(registry);
    }

    public void accountRead(AccountBook.Trigger trigger, boolean ok) {
        accountReads(trigger, ok).increment();
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

    /**
     * One two-leg execution's answers: from its first request to its second answer, and its slower leg's own round
     * trip. Their ratio shows the legs running side by side (1) or one after the other (up to 2).
     */
    public void legsAnswered(long sinceFirstSentNanos, long slowerLegNanos) {
        legsAnswered.record(Duration.ofNanos(sinceFirstSentNanos));
        slowerLeg.record(Duration.ofNanos(slowerLegNanos));
        if (slowerLegNanos > 0) {
            legsConcurrency.record((double) sinceFirstSentNanos / slowerLegNanos);
        }
    }

    public void hedgeCompletion(long nanos) {
        hedgeCompletion.record(Duration.ofNanos(nanos));
    }

    public void legRisk(String resolution, long nakedMs) {
        legRiskEpisodes(resolution).increment();
        nakedTime.record(Duration.ofMillis(nakedMs));
    }

    public void refusal(String code) {
        refusals(code).increment();
    }

    public void fundingReceived(double amount) {
        fundingReceived.increment(amount);
    }

    /** {@code nova_execution_holds{level}}: execution's own holds by level (HALTED stops growth, FROZEN every trade). */
    public void holds(TradingGate gate) {
        for (DeskMode level : List.of(DeskMode.HALTED, DeskMode.FROZEN)) {
            Gauge.builder("nova.execution.holds", gate, g -> g.all().stream().filter(h -> h.level() == level).count())
                    .tag("level", level.name())
                    .description("execution's own holds at this level: reconciliation, exchange reads, broken pairs,"
                            + " the account check")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * {@code nova_execution_own_prices_age_seconds{venue}}: per venue, the age of the oldest of the symbols' latest book
     * tickers on execution's own streams; -1 while a symbol has none. Above {@code max-quote-age}, growth is refused.
     */
    public void ownPricesAge(VenuePrices prices, List<String> symbols, Clock clock) {
        List<String> listed = symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        ownPricesAge(prices, () -> listed, clock);
    }

    /** As above, over the symbols the supplier names at each scrape (the tracked ones). */
    public void ownPricesAge(VenuePrices prices, Supplier<? extends java.util.Collection<String>> symbols, Clock clock) {
        for (Venue venue : Venue.values()) {
            Gauge.builder("nova.execution.own.prices.age.seconds", prices,
                            p -> VenuePrices.oldestAgeSeconds(p, venue, symbols.get(), EpochMicros.now(clock)))
                    .description("age of the stalest symbol's latest book ticker on execution's own streams;"
                            + " -1 while a symbol has none")
                    .tag("venue", venue.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * The universe as followed: {@code nova_execution_universe_symbols} (tracked symbols),
     * {@code nova_execution_universe_revision} (0 while the configured list stands).
     */
    public void universe(TradedUniverse universe) {
        gauge("nova.execution.universe.symbols", () -> universe.current().tracked().size());
        gauge("nova.execution.universe.revision", universe::revision);
    }

    /** {@code nova_execution_universe_refused_total{reason}}: universe records refused, none put in force. */
    public void universeRefused(String reason) {
        registry.counter("nova.execution.universe.refused", "reason", reason).increment();
    }

    /** Registers the refusal reasons at zero, so that the series exist before the first refusal. */
    public void universeRefusalReasons(List<String> reasons) {
        reasons.forEach(reason -> registry.counter("nova.execution.universe.refused", "reason", reason));
    }

    /** A gauge read from a supplier; held strongly (Micrometer holds gauge state weakly by default). */
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value, v -> v.get().doubleValue()).strongReference(true).register(registry);
    }

    /**
     * A gauge of a value read from the ledger: recomputed at most once per {@code maxAge}, and never on the scrape's
     * thread. A scrape gets the last value at once (NaN before the first) and, when it is older than
     * {@code maxAge}, starts one recomputation in the background; so frequent scrapes do not turn into as many database
     * queries, and a database that hangs leaves the gauge stale instead of taking the whole metrics endpoint (and the
     * kill-switch and lease gauges on it) down with it.
     */
    public void cachedGauge(String name, Duration maxAge, Supplier<Number> value) {
        gauge(name, new CachedValue(value, maxAge.toNanos(), gaugeRefresher));
    }

    private Counter legRiskEpisodes(String resolution) {
        return registry.counter("nova.execution.leg.risk.episodes", "resolution", resolution);
    }

    private Counter accountReads(AccountBook.Trigger trigger, boolean ok) {
        return registry.counter("nova.execution.account.reads", "trigger", trigger.name(), "outcome", ok ? "OK" : "FAILED");
    }

    private Counter refusals(String reason) {
        return registry.counter("nova.execution.pretrade.refusals", "reason", reason);
    }

    private void latency(String name, long micros) {
        if (micros < 0) {
            return;
        }
        Timer.builder(name).publishPercentileHistogram().register(registry).record(Duration.ofNanos(micros * 1000));
    }

    /** The last value of a supplier, recomputed in the background once it is older than the given age. */
    private static final class CachedValue implements Supplier<Number> {
        private final Supplier<Number> source;
        private final long maxAgeNanos;
        private final Executor refresher;
        private final AtomicBoolean refreshing = new AtomicBoolean();
        private volatile Number value = Double.NaN;
        private volatile long computedAtNanos;
        private volatile boolean computed;

        CachedValue(Supplier<Number> source, long maxAgeNanos, Executor refresher) {
            this.source = source;
            this.maxAgeNanos = maxAgeNanos;
            this.refresher = refresher;
        }

        @Override
        public Number get() {
            if ((!computed || System.nanoTime() - computedAtNanos >= maxAgeNanos) && refreshing.compareAndSet(false, true)) {
                refresher.execute(this::refresh);
            }
            return value;
        }

        private void refresh() {
            try {
                value = source.get();
                computedAtNanos = System.nanoTime();
                computed = true;
            } catch (RuntimeException e) {
                // The last value stays; the next scrape tries again.
                log.debug("Gauge refresh failed: {}", e.toString());
            } finally {
                refreshing.set(false);
            }
        }
    }

    /** Trade records booked per order, by {@code result} ({@link TradeBooking.Result}). */
    public void tradesBooked(TradeBooking.Result result) {
        Counter.builder("nova.execution.trades.booked").tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    /**
     * The books' difference from the exchange (exchange minus books) of one item and asset, as
     * {@code nova_execution_books_difference{item,asset}}.
     */
    public void booksDifference(String item, String asset, BigDecimal difference) {
        booksDifferences.computeIfAbsent(item + " " + asset, key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder("nova.execution.books.difference", value, AtomicReference::get)
                    .tag("item", item).tag("asset", asset).register(registry);
            return value;
        }).set(difference.doubleValue());
    }
}
