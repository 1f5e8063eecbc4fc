package com.novaquant.history;

import java.util.List;

/**
 * One symbol of a generated demo mirror ({@link DemoData}) and the character its files are given.
 *
 * @param symbol           e.g. {@code BTCUSDT}
 * @param startPrice       the spot price at the first minute, in USDT
 * @param dailyVolatility  the standard deviation of a day's log return of the price (0.03 = 3 %)
 * @param dailySpotVolume  the spot quote volume of an average day, in USDT; the perpetual trades four times as much
 * @param carry            how its funding rates run
 * @param schedule         its funding interval
 */
public record DemoCoin(String symbol, double startPrice, double dailyVolatility, double dailySpotVolume,
                       Carry carry, Schedule schedule) {

    /** How a symbol's funding rates run. */
    public enum Carry {
        /** 0.0003 to 0.001 per 8 hours: the pairs worth carrying. */
        RICH,
        /** Mostly Binance's baseline 0.0001 per 8 hours, now and then a little above. */
        BASELINE,
        /** At the baseline, then negative through the middle of the range, then back. */
        TURNS_NEGATIVE
    }

    /** A symbol's funding interval; rates scale with it (a 4-hour baseline is 0.00005). */
    public enum Schedule {
        EIGHT_HOURS,
        FOUR_HOURS,
        /** Every 8 hours until half the range has passed, then every 4 hours, as Binance moves volatile symbols. */
        EIGHT_THEN_FOUR
    }

    public DemoCoin {
        if (symbol.isBlank() || startPrice <= 0 || dailyVolatility < 0 || dailySpotVolume <= 0) {
            throw new IllegalArgumentException("not a demo coin: " + symbol);
        }
    }

    /**
     * Twelve symbols with March 2024's price levels: four rich, five at the baseline, two turning negative; one on a
     * 4-hour interval, one moving from 8 to 4 hours; one illiquid (TRUUSDT, many minutes without a trade).
     */
    public static List<DemoCoin> twelve() {
        return List.of(
                new DemoCoin("BTCUSDT", 62_000, 0.03, 1.5e9, Carry.BASELINE, Schedule.EIGHT_HOURS),
                new DemoCoin("ETHUSDT", 3_400, 0.035, 8e8, Carry.BASELINE, Schedule.EIGHT_HOURS),
                new DemoCoin("SOLUSDT", 130, 0.05, 4e8, Carry.RICH, Schedule.EIGHT_HOURS),
                new DemoCoin("BNBUSDT", 410, 0.03, 1.5e8, Carry.BASELINE, Schedule.EIGHT_HOURS),
                new DemoCoin("XRPUSDT", 0.62, 0.04, 2e8, Carry.BASELINE, Schedule.EIGHT_HOURS),
                new DemoCoin("DOGEUSDT", 0.12, 0.06, 3e8, Carry.RICH, Schedule.EIGHT_HOURS),
                new DemoCoin("AVAXUSDT", 42, 0.05, 8e7, Carry.TURNS_NEGATIVE, Schedule.EIGHT_HOURS),
                new DemoCoin("LINKUSDT", 19, 0.045, 6e7, Carry.BASELINE, Schedule.EIGHT_HOURS),
                new DemoCoin("WIFUSDT", 2.3, 0.09, 1.2e8, Carry.RICH, Schedule.FOUR_HOURS),
                new DemoCoin("ORDIUSDT", 70, 0.07, 5e7, Carry.TURNS_NEGATIVE, Schedule.EIGHT_HOURS),
                new DemoCoin("TIAUSDT", 15, 0.06, 4e7, Carry.RICH, Schedule.EIGHT_THEN_FOUR),
                new DemoCoin("TRUUSDT", 0.08, 0.05, 2e5, Carry.BASELINE, Schedule.EIGHT_HOURS));
    }
}
