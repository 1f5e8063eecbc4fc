package com.novaquant.backtest.sweep;

import com.novaquant.backtest.engine.BacktestSettings;
import com.novaquant.strategy.universe.AllocationRules;

/** One combination of the rules' settings in a sweep, with its place in the grid. */
public record SweepPoint(int index, double entryThresholdApr, double exitThresholdApr, double holdingHours,
                         int universeSize, AllocationRules.Weighting allocation) {

    /** The backtest settings of this point: the defaults with the swept settings in place. */
    public BacktestSettings settings(double capital) {
        return BacktestSettings.of(entryThresholdApr, exitThresholdApr, holdingHours, universeSize, allocation,
                capital);
    }
}
