package com.novaquant.signal.application;

import com.novaquant.strategy.universe.AllocationRules;
import com.novaquant.strategy.universe.UniverseRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the traded universe is chosen and funded ({@code nova.universe.*}), read once at start-up. The entry carry, the
 * fees and the holding time are the signal settings' ({@link SignalProperties}), so each has one source; the pair
 * notional the liquidity filters size against is {@code perPairCap}. Every absent value takes the default shown;
 * {@link #violations} lists every value that cannot be used.
 *
 * @param enabled          choose the universe from {@code nova.md.scan} and trade it; false: the fixed
 *                         {@code nova.symbols} list, as before; default false
 * @param size             how many pairs at most; default 5
 * @param minQuoteVolume   24 h traded value each market needs, USDT; default 50 000 000
 * @param maxSpread        the widest spread either book may show, fraction of its mid; default 0.001
 * @param minDepthMultiple the opening side of the top of both books must hold this many times the per-pair cap;
 *                         default 1
 * @param switchMarginApr  a member is replaced only by a symbol better by more than this, and stays while its net
 *                         carry is at least the entry threshold less this; default 0.05
 * @param liquidityStay    a member stays while its volume and depth reach this fraction of the entry's (and its
 *                         spread is within the maximum divided by it); default 0.5
 * @param depthWindow      top-of-book quantities are the median of the scans of this window; default 30 min
 * @param weighting        EQUAL or BY_CARRY; default EQUAL
 * @param capital          USDT the desk commits (spot plus the perpetual's margin); default 10 000
 * @param perpLeverage     the perpetual's leverage, at least 1; default 2
 * @param perPairCap       the most notional one pair may hold, USDT; default 1000
 * @param totalCap         the most notional all pairs may hold together, USDT; default 5000
 * @param bookFraction     a pair holds at most this fraction of the value at the top of both books; default 1
 * @param volumeFraction   a pair holds at most this fraction of the thinner market's 24 h value; default 0.001
 * @param minNotional      a pair allocated less than this gets nothing, USDT; default 10
 * @param scanMaxAge       a scan older than this when it arrives is ignored (and counted); default 5 min
 */
@ConfigurationProperties("nova.universe")
public record UniverseProperties(
        Boolean enabled,
        Integer size,
        Double minQuoteVolume,
        Double maxSpread,
        Double minDepthMultiple,
        Double switchMarginApr,
        Double liquidityStay,
        Duration depthWindow,
        AllocationRules.Weighting weighting,
        Double capital,
        Double perpLeverage,
        Double perPairCap,
        Double totalCap,
        Double bookFraction,
        Double volumeFraction,
        Double minNotional,
        Duration scanMaxAge) {

    public UniverseProperties {
        enabled = enabled != null ? enabled : false;
        size = size != null ? size : 5;
        minQuoteVolume = minQuoteVolume != null ? minQuoteVolume : 50_000_000.0;
        maxSpread = maxSpread != null ? maxSpread : 0.001;
        minDepthMultiple = minDepthMultiple != null ? minDepthMultiple : 1.0;
        switchMarginApr = switchMarginApr != null ? switchMarginApr : 0.05;
        liquidityStay = liquidityStay != null ? liquidityStay : 0.5;
        depthWindow = depthWindow != null ? depthWindow : Duration.ofMinutes(30);
        weighting = weighting != null ? weighting : AllocationRules.Weighting.EQUAL;
        capital = capital != null ? capital : 10_000.0;
        perpLeverage = perpLeverage != null ? perpLeverage : 2.0;
        perPairCap = perPairCap != null ? perPairCap : 1000.0;
        totalCap = totalCap != null ? totalCap : 5000.0;
        bookFraction = bookFraction != null ? bookFraction : 1.0;
        volumeFraction = volumeFraction != null ? volumeFraction : 0.001;
        minNotional = minNotional != null ? minNotional : 10.0;
        scanMaxAge = scanMaxAge != null ? scanMaxAge : Duration.ofMinutes(5);
    }

    /** The defaults (universe mode off). */
    public static UniverseProperties defaults() {
        return new UniverseProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /**
     * Every reason these values cannot be used beside the signal settings, each a sentence naming the property;
     * empty when they can.
     */
    public List<String> violations(SignalProperties signal) {
        List<String> errors = new ArrayList<>();
        if (size < 0) {
            errors.add("nova.universe.size must be at least 0, was " + size);
        }
        atLeast(errors, "min-quote-volume", minQuoteVolume, 0);
        above(errors, "max-spread", maxSpread, 0);
        atLeast(errors, "min-depth-multiple", minDepthMultiple, 0);
        atLeast(errors, "switch-margin-apr", switchMarginApr, 0);
        if (!(liquidityStay > 0 && liquidityStay <= 1)) {
            errors.add("nova.universe.liquidity-stay must be above 0 and at most 1, was " + liquidityStay);
        }
        if (depthWindow.toMillis() < 1) {
            errors.add("nova.universe.depth-window must be positive, was " + depthWindow);
        }
        atLeast(errors, "capital", capital, 0);
        atLeast(errors, "perp-leverage", perpLeverage, 1);
        above(errors, "per-pair-cap", perPairCap, 0);
        atLeast(errors, "total-cap", totalCap, 0);
        atLeast(errors, "book-fraction", bookFraction, 0);
        atLeast(errors, "volume-fraction", volumeFraction, 0);
        atLeast(errors, "min-notional", minNotional, 0);
        if (scanMaxAge.toMillis() < 1) {
            errors.add("nova.universe.scan-max-age must be positive, was " + scanMaxAge);
        }
        if (totalCap > signal.sizing().totalCap()) {
            errors.add("nova.universe.total-cap (" + totalCap + ") is above nova.signal.sizing.total-cap ("
                    + signal.sizing().totalCap() + "), which caps what the pairs may target together: budgets above"
                    + " it would never all be opened");
        }
        if (minNotional < signal.sizing().minNotional()) {
            errors.add("nova.universe.min-notional (" + minNotional + ") is below nova.signal.sizing.min-notional ("
                    + signal.sizing().minNotional() + "): a budget between them would never be opened");
        }
        return errors;
    }

    /** The selection rules, with the entry carry, the fees and the holding time of the signal settings. */
    public UniverseRules universeRules(SignalProperties signal) {
        return new UniverseRules(size, minQuoteVolume, maxSpread, minDepthMultiple, perPairCap,
                signal.entryThresholdApr(), switchMarginApr, liquidityStay,
                com.novaquant.strategy.pair.CarryModel.roundTripFees(signal.fees().spotFee(), signal.fees().perpFee()),
                signal.expectedHoldingTime().toMillis() / 3_600_000.0);
    }

    /** The allocation rules. */
    public AllocationRules allocationRules() {
        return new AllocationRules(weighting, capital, perpLeverage, perPairCap, totalCap, bookFraction,
                volumeFraction, minNotional);
    }

    private static void atLeast(List<String> errors, String name, double value, double low) {
        if (!(value >= low && value < Double.POSITIVE_INFINITY)) {
            errors.add("nova.universe." + name + " must be at least " + low + " and finite, was " + value);
        }
    }

    private static void above(List<String> errors, String name, double value, double low) {
        if (!(value > low && value < Double.POSITIVE_INFINITY)) {
            errors.add("nova.universe." + name + " must be above " + low + " and finite, was " + value);
        }
    }
}
