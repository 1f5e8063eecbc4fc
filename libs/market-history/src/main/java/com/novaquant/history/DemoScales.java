package com.novaquant.history;

/**
 * How one market of a demo coin rounds and writes its numbers, as Binance's files do: spot klines with 8 decimals
 * in every column whatever the tick, USD-M klines at the contract's own tick and lot.
 *
 * @param priceTick      decimals prices are rounded to
 * @param pricePrinted   decimals prices are written with (at least {@code priceTick})
 * @param lotScale       decimals quantities are rounded to
 * @param quantityPrinted decimals quantities are written with (at least {@code lotScale})
 * @param quotePrinted   decimals quote volumes are rounded to and written with
 */
record DemoScales(int priceTick, int pricePrinted, int lotScale, int quantityPrinted, int quotePrinted) {

    /** About seven significant digits of price: BTC at 62,000 trades in cents, a 0.08 coin in 1e-8. */
    static int tickFor(double price) {
        return clamp(6 - (int) Math.floor(StrictMath.log10(price)), 1, FixedPoint.MAX_SCALE);
    }

    static DemoScales spot(double price) {
        int lot = clamp((int) Math.floor(StrictMath.log10(price)) + 1, 0, 5);
        return new DemoScales(tickFor(price), FixedPoint.MAX_SCALE, lot, FixedPoint.MAX_SCALE, FixedPoint.MAX_SCALE);
    }

    static DemoScales usdm(double price) {
        int tick = tickFor(price) - 1;
        int lot = clamp((int) Math.floor(StrictMath.log10(price)) - 1, 0, 3);
        return new DemoScales(tick, tick, lot, lot, 5);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
