package com.novaquant.signal.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.ids.SignalId;
import com.novaquant.strategy.pair.BookTop;
import com.novaquant.strategy.pair.FundingTracker;
import com.novaquant.strategy.pair.IntervalSource;
import com.novaquant.strategy.pair.PairDecider;
import com.novaquant.strategy.pair.PairState;
import com.novaquant.strategy.pair.Position;
import com.novaquant.strategy.pair.SymbolPolicy;
import com.novaquant.strategy.pair.Verdict;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The use case: market data in, target hedged positions out. Keeps the state of every tracked symbol (the configured
 * ones, and in universe mode every symbol the universe has named), runs
 * {@link PairDecider} on each update, publishes decisions and counts refusals.
 *
 * <p>Updates are applied under one lock: the evaluation is a few hundred nanoseconds, the Kafka listener is the
 * only steady caller, and the total cap spans symbols. Per tick the path converts the quote's decimals to doubles
 * and allocates nothing else; decimals and objects are made only when a signal is published (rare, and at most one
 * change per symbol per cooldown).
 *
 * <p>Publication policy: a new target is published when it is decided, and the standing target is re-published on
 * fresh data every {@code republish-interval} with a new id and expiry. A target is a level, so a repeat is
 * harmless; the repeat heals a signal lost to a Kafka error or ignored because it expired while execution was busy
 * or restarting. Nothing is ever published on unsound data, for a symbol whose feed is gated, or while the desk is
 * FROZEN; while it is HALTED only closes (and the re-publish of a flat target) go out.
 */
public final class SignalEngine {

    private static final Logger log = LoggerFactory.getLogger(SignalEngine.class);
    /** Quantities carry 8 decimals (Binance's finest step); execution rounds to the symbol's filters. */
    private static final int QTY_SCALE = 8;

    private final Map<String, Slot> slots = new HashMap<>();
    /** Every slot, for the total cap; replaced by a longer copy when a symbol is first tracked (rare). */
    private Slot[] allSlots;
    /** Whether each symbol's policy comes from the traded universe rather than from the settings. */
    private final boolean universeMode;
    /** Told, off the lock's hot path, when a symbol outside the universe has been decided flat. */
    private volatile Runnable closedOutsideUniverse = () -> {
    };
    private final LiveSettings settings;
    private final Supplier<DeskMode> deskMode;
    private final Predicate<String> feedGated;
    private final LongSupplier clockMicros;
    private final SignalSink sink;
    private final SignalMetrics metrics;
    private final Verdict verdict = new Verdict();
    private long sequence;

    /**
     * @param deskMode  the desk's risk state, read on every evaluation
     * @param feedGated whether a symbol's market data is gated, read on every evaluation of that symbol
     */
    public SignalEngine(LiveSettings settings, Supplier<DeskMode> deskMode, Predicate<String> feedGated,
                        LongSupplier clockMicros, SignalSink sink, SignalMetrics metrics) {
        this(settings, deskMode, feedGated, clockMicros, sink, metrics, false);
    }

    /**
     * @param universeMode true when the traded universe gives each symbol its policy ({@link #applyUniverse}): the
     *                     configured symbols are tracked from the start, others once the universe names them, and
     *                     no symbol is decided before the universe is known
     */
    public SignalEngine(LiveSettings settings, Supplier<DeskMode> deskMode, Predicate<String> feedGated,
                        LongSupplier clockMicros, SignalSink sink, SignalMetrics metrics, boolean universeMode) {
        this.universeMode = universeMode;
        this.settings = settings;
        this.deskMode = deskMode;
        this.feedGated = feedGated;
        this.clockMicros = clockMicros;
        this.sink = sink;
        this.metrics = metrics;
        this.allSlots = new Slot[0];
        for (String symbol : settings.symbols()) {
            track(symbol);
        }
    }

    /**
     * Keeps state for the symbol from now on (nothing when it already has): its market data is applied and, once it
     * has a policy, decided. A symbol is never forgotten, so a pair opened on it is always closed.
     */
    public synchronized void track(String symbol) {
        if (slots.containsKey(symbol)) {
            return;
        }
        PairState state = new PairState(symbol);
        Slot[] grown = Arrays.copyOf(allSlots, allSlots.length + 1);
        Slot slot = new Slot(state);
        slot.rejected = metrics.registerSymbol(state, () -> configuredIntervalHours(slot));
        grown[allSlots.length] = slot;
        allSlots = grown;
        slots.put(symbol, slot);
    }

    /**
     * Gives the universe's policies to the symbols (tracking each one not yet tracked); every other tracked symbol is
     * outside the universe from now on: it opens nothing, and a pair still open on it is closed
     * ({@code LEFT_UNIVERSE}) through the usual decision path. Its configured funding interval is kept. An open pair
     * whose notional moved beyond the resize band is resized through the same path ({@code ALLOCATION_CHANGED}).
     */
    public synchronized void applyUniverse(Map<String, SymbolPolicy> policies) {
        policies.keySet().forEach(this::track);
        for (Slot slot : allSlots) {
            SymbolPolicy given = policies.get(slot.state.symbol());
            if (given != null) {
                slot.universePolicy = given;
            } else {
                double interval = slot.universePolicy != null ? slot.universePolicy.fundingIntervalHours()
                        : settings.current().properties().fundingIntervalHours(slot.state.symbol());
                slot.universePolicy = new SymbolPolicy(interval, 0, false);
            }
        }
    }

    /**
     * The tracked symbols outside {@code members} that may still hold a pair: decided open, or never decided since
     * start-up (the service does not assume flat). They stay tracked until decided flat.
     */
    public synchronized SortedSet<String> holdingOutside(Set<String> members) {
        SortedSet<String> holding = new TreeSet<>();
        for (Slot slot : allSlots) {
            if (!members.contains(slot.state.symbol()) && slot.state.position() != Position.FLAT) {
                holding.add(slot.state.symbol());
            }
        }
        return holding;
    }

    /** Every symbol tracked so far. */
    public synchronized SortedSet<String> trackedSymbols() {
        return new TreeSet<>(slots.keySet());
    }

    /**
     * Run when a pair outside the universe has been decided flat (the tracked set shrinks); it runs on the
     * market-data thread under the engine's lock, so it must be quick and take no lock.
     */
    public void onClosedOutsideUniverse(Runnable listener) {
        this.closedOutsideUniverse = listener;
    }

    /** The policy a symbol is decided on; null in universe mode until the universe is known. */
    private SymbolPolicy policyOf(Slot slot, LiveSettings.Snapshot snapshot) {
        return universeMode ? slot.universePolicy : snapshot.symbolPolicy(slot.state.symbol());
    }

    private double configuredIntervalHours(Slot slot) {
        SymbolPolicy policy = policyOf(slot, settings.current());
        return policy != null ? policy.fundingIntervalHours()
                : settings.current().properties().fundingIntervalHours(slot.state.symbol());
    }

    /** Applies a book-top update and evaluates its symbol. */
    public synchronized void onQuote(Quote quote) {
        Slot slot = slots.get(quote.symbol());
        if (slot == null) {
            metrics.dropped(SignalMetrics.Drop.UNKNOWN_SYMBOL);
            return;
        }
        if (quote.venue() == null || quote.bidPrice() == null || quote.bidQty() == null
                || quote.askPrice() == null || quote.askQty() == null) {
            metrics.dropped(SignalMetrics.Drop.MALFORMED);
            return;
        }
        boolean spot = quote.venue() == Venue.SPOT;
        BookTop top = spot ? slot.state.spot() : slot.state.perp();
        if (top.seen() && quote.receivedAtMicros() < top.receivedAtMicros()) {
            metrics.dropped(SignalMetrics.Drop.OUT_OF_ORDER);
            return;
        }
        top.update(quote.bidPrice().doubleValue(), quote.bidQty().doubleValue(),
                quote.askPrice().doubleValue(), quote.askQty().doubleValue(), quote.receivedAtMicros());
        if (spot) {
            slot.spotQuote = quote;
        } else {
            slot.perpQuote = quote;
        }
        evaluate(slot, quote.receivedAtMicros());
    }

    /** Applies a funding update and evaluates its symbol. */
    public synchronized void onFunding(FundingRate funding) {
        Slot slot = slots.get(funding.symbol());
        if (slot == null) {
            metrics.dropped(SignalMetrics.Drop.UNKNOWN_SYMBOL);
            return;
        }
        if (funding.fundingRate() == null) {
            metrics.dropped(SignalMetrics.Drop.MALFORMED);
            return;
        }
        if (slot.state.funding().seen() && funding.receivedAtMicros() < slot.state.funding().receivedAtMicros()) {
            metrics.dropped(SignalMetrics.Drop.OUT_OF_ORDER);
            return;
        }
        FundingTracker tracker = slot.state.funding();
        double configured = configuredIntervalHours(slot);
        double intervalBefore = tracker.intervalHours(configured);
        IntervalSource sourceBefore = tracker.intervalSource();
        double observedBefore = tracker.observedIntervalHours();
        tracker.update(funding.fundingRate().doubleValue(), funding.nextFundingTimeMs(), funding.receivedAtMicros(),
                funding.fundingIntervalHours());
        logIntervalChange(funding.symbol(), tracker, configured, intervalBefore, sourceBefore, observedBefore);
        slot.funding = funding;
        evaluate(slot, funding.receivedAtMicros());
    }

    /**
     * INFO when the interval a symbol's carry is annualised over changes (2x-8x on the carry), naming where it comes
     * from; DEBUG when only the observed one moved and another source still decides.
     */
    private static void logIntervalChange(String symbol, FundingTracker tracker, double configured,
                                          double intervalBefore, IntervalSource sourceBefore, double observedBefore) {
        double interval = tracker.intervalHours(configured);
        if (Double.compare(interval, intervalBefore) != 0) {
            log.info("{} funding interval now {} ({}), was {} ({}); observed {}, configured {}", symbol,
                    hours(interval), tracker.intervalSource(), hours(intervalBefore), sourceBefore,
                    hours(tracker.observedIntervalHours()), hours(configured));
        } else if (Double.compare(observedBefore, tracker.observedIntervalHours()) != 0) {
            log.debug("{} funding interval observed {}; {} ({}) in use", symbol,
                    hours(tracker.observedIntervalHours()), hours(interval), tracker.intervalSource());
        }
    }

    private static String hours(double hours) {
        if (Double.isNaN(hours)) {
            return "unknown";
        }
        return (hours == Math.rint(hours) ? Long.toString((long) hours) : Double.toString(hours)) + " h";
    }

    /** The state of a symbol, for status pages and tests; null when the symbol is not configured. */
    public synchronized PairState state(String symbol) {
        Slot slot = slots.get(symbol);
        return slot == null ? null : slot.state;
    }

    private void evaluate(Slot slot, long triggerReceivedAtMicros) {
        LiveSettings.Snapshot snapshot = settings.current();
        SymbolPolicy symbolPolicy = policyOf(slot, snapshot);
        if (symbolPolicy == null) {
            // universe mode, before the universe is known: what is held is neither opened nor closed yet
            return;
        }
        long now = clockMicros.getAsLong();
        PairDecider.evaluate(slot.state, snapshot.policy(), symbolPolicy,
                otherSymbolsNotional(slot), deskMode.get(), feedGated.test(slot.state.symbol()), now, verdict);
        switch (verdict.kind()) {
            case HOLD -> {
            }
            case REJECT -> slot.rejected[verdict.rejectReason().ordinal()].increment();
            case DECIDE -> {
                publish(slot, snapshot, now, triggerReceivedAtMicros, SignalMetrics.Kind.CHANGE);
                slot.state.applyDecision(verdict, now);
                if (!symbolPolicy.selected() && slot.state.position() == Position.FLAT) {
                    closedOutsideUniverse.run();
                }
            }
            case REFRESH -> {
                publish(slot, snapshot, now, triggerReceivedAtMicros, SignalMetrics.Kind.REFRESH);
                slot.state.markRefreshed(now);
            }
        }
    }

    private double otherSymbolsNotional(Slot self) {
        double sum = 0;
        for (Slot slot : allSlots) {
            if (slot != self) {
                sum += slot.state.targetNotional();
            }
        }
        return sum;
    }

    private void publish(Slot slot, LiveSettings.Snapshot snapshot, long nowMicros, long triggerReceivedAtMicros,
                         SignalMetrics.Kind kind) {
        String symbol = slot.state.symbol();
        BigDecimal qty = decimal(verdict.targetQty(), QTY_SCALE);
        BigDecimal notional = decimal(verdict.targetNotional(), 2);
        Signal signal = new Signal(signalIdOf(symbol, nowMicros, ++sequence),
                symbol, qty, notional, verdict.reason(), verdict.carryApr(),
                slot.spotQuote, slot.perpQuote, slot.funding,
                nowMicros, nowMicros / 1_000 + snapshot.signalTtlMs());
        sink.publish(signal);
        metrics.published(symbol, verdict.reason(), kind, clockMicros.getAsLong() - triggerReceivedAtMicros);
        if (kind == SignalMetrics.Kind.CHANGE) {
            log.info("Signal {} {} target {} ({} USDT) reason {} carry {}", signal.signalId(), symbol,
                    qty.toPlainString(), notional.toPlainString(), signal.reason(), signal.expectedCarryApr());
        }
    }

    /** Unique per engine: the symbol, the decision instant and a sequence, so a log line names the market too. */
    private static SignalId signalIdOf(String symbol, long decidedAtMicros, long sequence) {
        return new SignalId(symbol + '-' + Long.toString(decidedAtMicros, 36) + '-' + Long.toString(sequence, 36));
    }

    /**
     * Builds and encodes made-up signals the way {@link #publish} does, without publishing anything: a signal is
     * rare (a few per symbol per hour), so its encoding would otherwise run interpreted when a funding update moves
     * every symbol at once and the burst is decided one after another on the market-data thread.
     */
    public static void rehearsePublication(int rounds) {
        String symbol = "NOVAREHEARSALUSDT";
        for (int round = 0; round < rounds; round++) {
            long now = System.currentTimeMillis() * 1000;
            BigDecimal bid = decimal(100_000.0 + round % 7, 2);
            BigDecimal ask = decimal(100_000.1 + round % 7, 2);
            Quote spot = new Quote(symbol, Venue.SPOT, bid, BigDecimal.ONE, ask, BigDecimal.ONE, round, 0, now);
            Quote perp = new Quote(symbol, Venue.USDM, bid, BigDecimal.ONE, ask, BigDecimal.ONE, round, now / 1000, now);
            FundingRate funding = new FundingRate(symbol, bid, bid, decimal(0.0003, 8), now / 1000, now / 1000, now);
            Signal signal = new Signal(signalIdOf(symbol, now, round), symbol,
                    decimal(0.01 + round * 1e-8, QTY_SCALE), decimal(1000.0 + round, 2), Signal.Reason.CARRY_ABOVE_ENTRY,
                    0.2, spot, perp, funding, now, now / 1000 + 5_000);
            EventCodec.encode(signal);
        }
    }

    private static BigDecimal decimal(double value, int scale) {
        return value == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(value).setScale(scale, RoundingMode.DOWN);
    }

    /** One symbol: its domain state, the records behind it (the published snapshot) and its counters. */
    private static final class Slot {
        final PairState state;
        Counter[] rejected;
        /** In universe mode, the symbol's policy from the universe; null until the universe is known. */
        SymbolPolicy universePolicy;
        Quote spotQuote;
        Quote perpQuote;
        FundingRate funding;

        Slot(PairState state) {
            this.state = state;
        }
    }
}
