package com.novaquant.signal.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Thresholds, guards and sizes of the signal service ({@code nova.signal.*}). Bound at start-up, then readable and
 * replaceable at runtime through {@code GET/PUT /admin/config}. Every absent value takes the default shown; every
 * value is checked by {@link #violations()} before it is used.
 *
 * @param entryThresholdApr        open a pair when the net carry (annualised fraction, every cost of the round trip)
 *                                 and the hold carry (only the cost of leaving) both reach this; default 0.15
 * @param exitThresholdApr         close an open pair when its hold carry falls below this; at most 0, so a pair is
 *                                 never closed while the carry still to be earned over {@code exitHorizon} covers
 *                                 the cost of leaving (below 0: a margin); default 0
 * @param negativeFundingIntervals close after this many consecutive negative funding intervals, the current
 *                                 (predicted) one included; default 2
 * @param basisTakeProfit          close when the basis gain since entry reaches this fraction of notional; default 0.004
 * @param expectedHoldingTime      the round-trip costs are amortised over this; default 7 days
 * @param exitHorizon              the exit rule counts the carry still to be earned over this; default 7 days
 * @param maxQuoteAge              a quote (either venue) older than this is stale; default 2 s
 * @param maxFundingAge            a funding update older than this is stale (markPrice streams every 1-3 s); default 10 s
 * @param maxSpotPerpDeviation     spot and perp mids further apart than this fraction are implausible; default 0.02
 * @param maxAbsFundingRate        a funding rate per interval beyond this magnitude is implausible; default 0.03
 * @param cooldown                 minimum time from a change that moved a position (an opening, the close of an open
 *                                 pair) to the next change of the symbol's target; default 60 s
 * @param signalTtl                a signal expires this long after its decision; default 5 s
 * @param republishInterval        the standing target is re-published this often on fresh data; 0 = on change only;
 *                                 default 30 s
 * @param defaultFundingIntervalHours the funding interval of symbols without their own, used until a symbol's
 *                                 interval is observed on its funding updates; default 8
 * @param fees                     fee rates
 * @param sizing                   pair sizes and caps
 * @param symbols                  per-symbol overrides, keyed by symbol (e.g. {@code nova.signal.symbols.ETHUSDT.funding-interval-hours=4})
 */
@ConfigurationProperties("nova.signal")
public record SignalProperties(
        Double entryThresholdApr,
        Double exitThresholdApr,
        Integer negativeFundingIntervals,
        Double basisTakeProfit,
        Duration expectedHoldingTime,
        Duration exitHorizon,
        Duration maxQuoteAge,
        Duration maxFundingAge,
        Double maxSpotPerpDeviation,
        Double maxAbsFundingRate,
        Duration cooldown,
        Duration signalTtl,
        Duration republishInterval,
        Integer defaultFundingIntervalHours,
        Fees fees,
        Sizing sizing,
        Map<String, SymbolSettings> symbols) {

    /** Funding intervals Binance runs. */
    static final Set<Integer> FUNDING_INTERVALS = Set.of(1, 2, 4, 8);

    /** The constructor Spring and Jackson bind (there is a second one). */
    @ConstructorBinding
    public SignalProperties {
        entryThresholdApr = entryThresholdApr != null ? entryThresholdApr : 0.15;
        exitThresholdApr = exitThresholdApr != null ? exitThresholdApr : 0.0;
        negativeFundingIntervals = negativeFundingIntervals != null ? negativeFundingIntervals : 2;
        basisTakeProfit = basisTakeProfit != null ? basisTakeProfit : 0.004;
        expectedHoldingTime = expectedHoldingTime != null ? expectedHoldingTime : Duration.ofDays(7);
        exitHorizon = exitHorizon != null ? exitHorizon : Duration.ofDays(7);
        maxQuoteAge = maxQuoteAge != null ? maxQuoteAge : Duration.ofSeconds(2);
        maxFundingAge = maxFundingAge != null ? maxFundingAge : Duration.ofSeconds(10);
        maxSpotPerpDeviation = maxSpotPerpDeviation != null ? maxSpotPerpDeviation : 0.02;
        maxAbsFundingRate = maxAbsFundingRate != null ? maxAbsFundingRate : 0.03;
        cooldown = cooldown != null ? cooldown : Duration.ofSeconds(60);
        signalTtl = signalTtl != null ? signalTtl : Duration.ofSeconds(5);
        republishInterval = republishInterval != null ? republishInterval : Duration.ofSeconds(30);
        defaultFundingIntervalHours = defaultFundingIntervalHours != null ? defaultFundingIntervalHours : 8;
        fees = fees != null ? fees : new Fees(null, null, null, null, null);
        sizing = sizing != null ? sizing : new Sizing(null, null, null, null, null);
        symbols = symbols != null ? new TreeMap<>(symbols) : new TreeMap<>();
    }

    /** The values before {@code exitHorizon} existed, for callers outside this module (the benchmarks). */
    public SignalProperties(Double entryThresholdApr, Double exitThresholdApr, Integer negativeFundingIntervals,
                            Double basisTakeProfit, Duration expectedHoldingTime, Duration maxQuoteAge,
                            Duration maxFundingAge, Double maxSpotPerpDeviation, Double maxAbsFundingRate,
                            Duration cooldown, Duration signalTtl, Duration republishInterval,
                            Integer defaultFundingIntervalHours, Fees fees, Sizing sizing,
                            Map<String, SymbolSettings> symbols) {
        this(entryThresholdApr, exitThresholdApr, negativeFundingIntervals, basisTakeProfit, expectedHoldingTime, null,
                maxQuoteAge, maxFundingAge, maxSpotPerpDeviation, maxAbsFundingRate, cooldown, signalTtl,
                republishInterval, defaultFundingIntervalHours, fees, sizing, symbols);
    }

    /** Which fee rates the carry model charges. */
    public enum Liquidity {
        /** Both legs cross the book (market or aggressive limit orders): the default, and the conservative one. */
        TAKER,
        /** Both legs rest on the book. */
        MAKER
    }

    /**
     * Fee rates as fractions of notional (0.001 = 0.1 %). Defaults are Binance's regular-tier rates: spot 0.1 %
     * maker and taker, USD-M 0.02 % maker and 0.05 % taker.
     */
    public record Fees(Double spotTaker, Double spotMaker, Double perpTaker, Double perpMaker, Liquidity liquidity) {
        public Fees {
            spotTaker = spotTaker != null ? spotTaker : 0.001;
            spotMaker = spotMaker != null ? spotMaker : 0.001;
            perpTaker = perpTaker != null ? perpTaker : 0.0005;
            perpMaker = perpMaker != null ? perpMaker : 0.0002;
            liquidity = liquidity != null ? liquidity : Liquidity.TAKER;
        }

        public double spotFee() {
            return liquidity == Liquidity.TAKER ? spotTaker : spotMaker;
        }

        public double perpFee() {
            return liquidity == Liquidity.TAKER ? perpTaker : perpMaker;
        }
    }

    /**
     * @param notionalPerSymbol  target notional of one pair, quote currency (USDT); default 1000
     * @param totalCap           cap on the summed target notional across symbols; default 5000
     * @param topOfBookFraction  never more than this fraction of the smaller top-of-book quantity; default 0.25
     * @param minNotional        no pair below this notional (Binance rejects tiny orders); default 10
     * @param resizeBand         an open pair is resized once its notional (configured, or the universe's budget)
     *                           differs from the one it was sized on by more than this fraction; default 0.2
     */
    public record Sizing(Double notionalPerSymbol, Double totalCap, Double topOfBookFraction, Double minNotional,
                         Double resizeBand) {
        public Sizing {
            notionalPerSymbol = notionalPerSymbol != null ? notionalPerSymbol : 1000.0;
            totalCap = totalCap != null ? totalCap : 5000.0;
            topOfBookFraction = topOfBookFraction != null ? topOfBookFraction : 0.25;
            minNotional = minNotional != null ? minNotional : 10.0;
            resizeBand = resizeBand != null ? resizeBand : 0.2;
        }
    }

    /**
     * @param fundingIntervalHours this perpetual's funding interval until it is observed; default
     *                             {@code default-funding-interval-hours}
     * @param notional             this pair's notional; default {@code sizing.notional-per-symbol}
     */
    public record SymbolSettings(Integer fundingIntervalHours, Double notional) {
    }

    /** The funding interval of a symbol, in hours. */
    public int fundingIntervalHours(String symbol) {
        SymbolSettings own = symbols.get(symbol);
        return own != null && own.fundingIntervalHours() != null ? own.fundingIntervalHours() : defaultFundingIntervalHours;
    }

    /** The target notional of one pair of a symbol. */
    public double notional(String symbol) {
        SymbolSettings own = symbols.get(symbol);
        return own != null && own.notional() != null ? own.notional() : sizing.notionalPerSymbol();
    }

    /** Every reason these values cannot be used, each a sentence naming the property; empty when they can. */
    public List<String> violations() {
        List<String> errors = new ArrayList<>();
        finite(errors, "entry-threshold-apr", entryThresholdApr);
        finite(errors, "exit-threshold-apr", exitThresholdApr);
        if (entryThresholdApr <= exitThresholdApr) {
            errors.add("entry-threshold-apr (" + entryThresholdApr + ") must be above exit-threshold-apr ("
                    + exitThresholdApr + "): the gap is the hysteresis that keeps pairs from churning");
        }
        if (entryThresholdApr <= 0) {
            errors.add("entry-threshold-apr must be positive, was " + entryThresholdApr);
        }
        if (exitThresholdApr > 0) {
            errors.add("exit-threshold-apr must be at most 0, was " + exitThresholdApr + ": above 0 it closes pairs"
                    + " whose carry still to be earned pays for leaving, and they reopen at the price of a round trip");
        }
        if (negativeFundingIntervals < 1) {
            errors.add("negative-funding-intervals must be at least 1, was " + negativeFundingIntervals);
        }
        range(errors, "basis-take-profit", basisTakeProfit, 0, false, 0.1);
        if (expectedHoldingTime.compareTo(Duration.ofHours(1)) < 0) {
            errors.add("expected-holding-time must be at least 1 hour, was " + expectedHoldingTime);
        }
        if (exitHorizon.compareTo(Duration.ofHours(1)) < 0) {
            errors.add("exit-horizon must be at least 1 hour, was " + exitHorizon);
        }
        positive(errors, "max-quote-age", maxQuoteAge);
        positive(errors, "max-funding-age", maxFundingAge);
        positive(errors, "signal-ttl", signalTtl);
        notNegative(errors, "cooldown", cooldown);
        notNegative(errors, "republish-interval", republishInterval);
        range(errors, "max-spot-perp-deviation", maxSpotPerpDeviation, 0, false, 0.5);
        range(errors, "max-abs-funding-rate", maxAbsFundingRate, 0, false, 0.1);
        interval(errors, "default-funding-interval-hours", defaultFundingIntervalHours);
        range(errors, "fees.spot-taker", fees.spotTaker(), 0, true, 0.01);
        range(errors, "fees.spot-maker", fees.spotMaker(), 0, true, 0.01);
        range(errors, "fees.perp-taker", fees.perpTaker(), 0, true, 0.01);
        range(errors, "fees.perp-maker", fees.perpMaker(), 0, true, 0.01);
        range(errors, "sizing.notional-per-symbol", sizing.notionalPerSymbol(), 0, false, Double.MAX_VALUE);
        range(errors, "sizing.total-cap", sizing.totalCap(), 0, false, Double.MAX_VALUE);
        range(errors, "sizing.top-of-book-fraction", sizing.topOfBookFraction(), 0, false, 1);
        range(errors, "sizing.min-notional", sizing.minNotional(), 0, false, Double.MAX_VALUE);
        range(errors, "sizing.resize-band", sizing.resizeBand(), 0, false, 1);
        symbols.forEach((symbol, own) -> {
            if (own == null) {
                return;
            }
            if (own.fundingIntervalHours() != null) {
                interval(errors, "symbols." + symbol + ".funding-interval-hours", own.fundingIntervalHours());
            }
            if (own.notional() != null) {
                range(errors, "symbols." + symbol + ".notional", own.notional(), 0, false, Double.MAX_VALUE);
            }
        });
        return errors;
    }

    private static void finite(List<String> errors, String name, double value) {
        if (!Double.isFinite(value)) {
            errors.add(name + " must be a finite number, was " + value);
        }
    }

    private static void range(List<String> errors, String name, double value, double low, boolean lowIncluded,
                              double high) {
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        if (!(aboveLow && value <= high)) {
            errors.add(name + " must be " + (lowIncluded ? "at least " : "above ") + low
                    + (high < Double.MAX_VALUE ? " and at most " + high : "") + ", was " + value);
        }
    }

    private static void positive(List<String> errors, String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            errors.add(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(List<String> errors, String name, Duration value) {
        if (value.isNegative()) {
            errors.add(name + " must not be negative, was " + value);
        }
    }

    private static void interval(List<String> errors, String name, int hours) {
        if (!FUNDING_INTERVALS.contains(hours)) {
            errors.add(name + " must be one of 1, 2, 4, 8 (hours), was " + hours);
        }
    }
}
