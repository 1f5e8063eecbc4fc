package com.novaquant.backtest;

import com.novaquant.backtest.engine.BacktestSettings;
import com.novaquant.strategy.universe.AllocationRules;

import java.util.Locale;
import java.util.Set;

/** The rules' settings a run takes from its command line; the defaults are the signal service's. */
final class RuleOptions {

    static final Set<String> NAMES = Set.of("entry", "exit", "holding-hours", "universe", "allocation", "capital");

    private RuleOptions() {
    }

    static BacktestSettings settings(Options options) {
        String allocation = options.text("allocation", "BY_CARRY").toUpperCase(Locale.ROOT).replace('-', '_');
        AllocationRules.Weighting weighting;
        try {
            weighting = AllocationRules.Weighting.valueOf(allocation);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("--allocation is EQUAL or BY_CARRY, not '" + allocation + "'");
        }
        try {
            return BacktestSettings.of(options.number("entry", 0.15), options.number("exit", 0),
                    options.number("holding-hours", 168), options.whole("universe", 5), weighting,
                    options.number("capital", BacktestSettings.DEFAULT_CAPITAL));
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
    }
}
