package com.novaquant.backtest.engine;

import com.novaquant.strategy.pair.SignalPolicy;
import com.novaquant.strategy.universe.AllocationRules;
import com.novaquant.strategy.universe.UniverseRules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a backtest run is given: the pair rules the signal service trades on, the universe and allocation
 * rules, the cost model and how often the universe is chosen again.
 *
 * @param policy      the pair rules (the signal service's settings, in the units its evaluation uses)
 * @param universe    how the traded universe is chosen
 * @param allocation  how capital is spread; its {@code capital} is the run's starting capital
 * @param costs       books and fills from klines
 * @param rescanEvery the universe is chosen again this often
 */
public record BacktestSettings(SignalPolicy policy, UniverseRules universe, AllocationRules allocation,
                               CostModel costs, Duration rescanEvery) {

    /** Quote currency (USDT). */
    public static final double DEFAULT_CAPITAL = 50_000;
    private static final long SECOND = 1_000_000L;

    /**
     * The signal service's defaults, a universe of five, and the capital five full pairs take at 2x on the perpetual
     * (5 x 5 000 x 1.5 = 37 500) with room to spare: an open pair gives capital back only when its allocation falls
     * beyond the resize band, so capital short of that leaves the later entrants of a universe little to open with.
     */
    public static BacktestSettings defaults() {
        return of(0.15, 0.0, 168, 5, AllocationRules.Weighting.BY_CARRY, DEFAULT_CAPITAL);
    }

    /** The defaults with the settings a sweep varies. */
    public static BacktestSettings of(double entryThresholdApr, double exitThresholdApr, double holdingHours,
                                      int universeSize, AllocationRules.Weighting weighting, double capital) {
        double spotFee = 0.001;
        double perpFee = 0.0005;
        double perPairCap = 5_000;
        AllocationRules allocation = new AllocationRules(weighting, capital, 2, perPairCap, capital, 0.25, 0.001,
                100);
        // The pair rules' total cap is the allocation's budget: the sum of the pairs' notionals never exceeds it.
        SignalPolicy policy = new SignalPolicy(entryThresholdApr, exitThresholdApr, 2, 0.004, holdingHours,
                holdingHours, 120 * SECOND, 120 * SECOND, 0.02, 0.03, 60 * SECOND, 0, spotFee, perpFee, 0.25,
                allocation.notionalBudget(), 10, 0.2);
        UniverseRules universe = new UniverseRules(universeSize, 5_000_000, 0.002, 1, perPairCap,
                entryThresholdApr, 0.05, 0.5, 2 * spotFee + 2 * perpFee, holdingHours);
        return new BacktestSettings(policy, universe, allocation, CostModel.typical(), Duration.ofHours(1));
    }

    /** The settings by name, for the reports. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("entry threshold APR", pct(policy.entryThresholdApr()));
        out.put("exit threshold APR", pct(policy.exitThresholdApr()));
        out.put("holding time (h)", num(policy.holdingHours()));
        out.put("negative funding intervals to close", Integer.toString(policy.negativeFundingIntervals()));
        out.put("basis take-profit", pct(policy.basisTakeProfit()));
        out.put("cooldown (s)", num(policy.cooldownMicros() / 1e6));
        out.put("resize band", pct(policy.resizeBand()));
        out.put("fees spot / perp", pct(policy.spotFee()) + " / " + pct(policy.perpFee()));
        out.put("universe size", Integer.toString(universe.size()));
        out.put("universe min 24h volume (USDT)", num(universe.minQuoteVolume()));
        out.put("universe max spread", pct(universe.maxSpread()));
        out.put("universe switch margin APR", pct(universe.switchMarginApr()));
        out.put("universe liquidity kept by members", pct(universe.liquidityStay()));
        out.put("rescan every", rescanEvery.toString());
        out.put("allocation", allocation.weighting().name());
        out.put("capital (USDT)", num(allocation.capital()));
        out.put("perp leverage", num(allocation.perpLeverage()));
        out.put("per-pair cap (USDT)", num(allocation.perPairCap()));
        out.put("half spread spot / perp", pct(costs.spotHalfSpread()) + " / " + pct(costs.perpHalfSpread()));
        out.put("slippage", pct(costs.slippage()));
        return out;
    }

    private static String pct(double fraction) {
        return num(fraction * 100) + " %";
    }

    private static String num(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
