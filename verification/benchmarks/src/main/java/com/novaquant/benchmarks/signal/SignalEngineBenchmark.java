package com.novaquant.benchmarks.signal;

import com.novaquant.events.DeskMode;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Venue;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SignalEngine;
import com.novaquant.signal.application.SignalMetrics;
import com.novaquant.signal.application.SignalProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Quote updates per second through the signal service's decision path: {@link SignalEngine#onQuote} (decimal to
 * double conversion, the guards, the carry model, the decision and the counters), one op = one quote update.
 * Kafka decoding is not included: it is measured apart (docs/measured.md, "JSON parsing of a frame") and costs
 * several times more.
 *
 * <p>Scenarios ({@code scenario}):
 * <ul>
 *   <li>{@code HOLD}: funding between the exit and entry thresholds, the common case: evaluate and do nothing.</li>
 *   <li>{@code NOISY_ENTRY}: funding at the entry threshold and books jittering so that the carry keeps crossing
 *       it: one opening, then the hysteresis holds the pair (one signal per trial, printed at the end).</li>
 *   <li>{@code STALE}: the quotes are older than the allowed age: every update is refused by the guard and counted.</li>
 * </ul>
 * Run: {@code java -jar verification/benchmarks/target/benchmarks.jar SignalEngineBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SignalEngineBenchmark {

    private static final String SYMBOL = "BTCUSDT";
    private static final long T0 = 1_780_000_000_000_000L;
    private static final int QUOTES = 4096;

    public enum Scenario {
        HOLD(0.0002, 0),
        NOISY_ENTRY(0.00029, 0),
        STALE(0.0002, 10_000_000);

        final double fundingRate;
        final long quoteAgeMicros;

        Scenario(double fundingRate, long quoteAgeMicros) {
            this.fundingRate = fundingRate;
            this.quoteAgeMicros = quoteAgeMicros;
        }
    }

    @Param({"HOLD", "NOISY_ENTRY", "STALE"})
    public Scenario scenario;

    private SignalEngine engine;
    private Quote[] quotes;
    private int next;
    private long published;

    @Setup(Level.Trial)
    public void setUp() {
        SignalProperties defaults = new SignalProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        LiveSettings settings = new LiveSettings(defaults, List.of(SYMBOL, "ETHUSDT"));
        // The clock stands still a little after every quote's receipt, so freshness is decided by the scenario alone.
        long now = T0 + 100 + scenario.quoteAgeMicros;
        engine = new SignalEngine(settings, () -> DeskMode.TRADING, symbol -> false, () -> now, signal -> published++,
                new SignalMetrics(new SimpleMeterRegistry()));
        quotes = new Quote[QUOTES];
        Random random = new Random(42);
        for (int i = 0; i < QUOTES; i++) {
            // perp about 3 bp over spot, 1 bp spreads, a few bp of jitter: the carry moves around the thresholds
            double jitter = (random.nextDouble() - 0.5) * 4;
            boolean spot = i % 2 == 0;
            double bid = spot ? 99_990 + jitter : 100_030 + jitter;
            quotes[i] = new Quote(SYMBOL, spot ? Venue.SPOT : Venue.USDM, price(bid), BigDecimal.valueOf(1.5),
                    price(bid + 10), BigDecimal.valueOf(2.5), i, T0 / 1000, T0);
        }
        engine.onFunding(new FundingRate(SYMBOL, BigDecimal.valueOf(100_035), BigDecimal.valueOf(100_000),
                BigDecimal.valueOf(scenario.fundingRate), T0 / 1000 + 3_600_000, T0 / 1000, T0));
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    @Benchmark
    public void quoteUpdate() {
        engine.onQuote(quotes[next]);
        next = (next + 1) & (QUOTES - 1);
    }

    /** Prints what the trial published, so a scenario that silently did nothing is visible. */
    @TearDown(Level.Trial)
    public void report() {
        System.out.println();
        System.out.println("scenario " + scenario + ": signals published " + published
                + ", carry at end " + engine.state(SYMBOL).carryApr());
    }
}
