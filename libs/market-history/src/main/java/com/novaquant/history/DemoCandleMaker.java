package com.novaquant.history;

import java.util.Random;

/**
 * Turns one market's hidden price path into 1-minute candles: a minute opens at the last close, closes at the path,
 * and its wicks reach past both by a random part of the minute's volatility. Trades arrive at a rate set by the
 * market's liquidity (busier in the European and American afternoons); a minute without a trade is flat at the last
 * close with no volume, as an illiquid symbol's files show.
 */
final class DemoCandleMaker {

    private static final double MINUTES_PER_DAY = 1_440;

    private final DemoScales scales;
    private final double tradesPerMinute;
    private final double averageTradeQuote;
    private final double wick;
    private long lastClose;

    /**
     * @param dailyQuoteVolume  the market's quote volume on an average day
     * @param averageTradeQuote the quote value of an average trade
     * @param minuteVolatility  the standard deviation of a minute's log return
     */
    DemoCandleMaker(DemoScales scales, double startPrice, double dailyQuoteVolume, double averageTradeQuote,
                    double minuteVolatility) {
        this.scales = scales;
        this.tradesPerMinute = dailyQuoteVolume / averageTradeQuote / MINUTES_PER_DAY;
        this.averageTradeQuote = averageTradeQuote;
        this.wick = minuteVolatility * 0.6;
        this.lastClose = FixedPoint.round(startPrice, scales.priceTick());
    }

    DemoCandle next(double pathOpen, double pathClose, int minuteOfDay, Random random) {
        double busyness = 1 + 0.5 * StrictMath.sin(2 * Math.PI * (minuteOfDay / MINUTES_PER_DAY - 0.35));
        long trades = (long) (tradesPerMinute * busyness * lognormal(random, 0.6) + random.nextDouble());
        if (trades == 0) {
            long flat = printedPrice(lastClose);
            return new DemoCandle(flat, flat, flat, flat, 0, 0, 0, 0, 0);
        }
        int tick = scales.priceTick();
        long open = lastClose;
        long close = FixedPoint.round(pathClose, tick);
        double top = Math.max(pathOpen, pathClose) * (1 + Math.abs(random.nextGaussian()) * wick);
        double bottom = Math.min(pathOpen, pathClose) * (1 - Math.abs(random.nextGaussian()) * wick);
        long high = Math.max(Math.max(open, close), FixedPoint.ceil(top, tick));
        long low = Math.max(1, Math.min(Math.min(open, close), FixedPoint.floor(bottom, tick)));
        lastClose = close;

        double averagePrice = FixedPoint.toDouble(open + high + low + close, tick) / 4;
        double quote = trades * averageTradeQuote * lognormal(random, 0.5);
        long lots = Math.max(1, FixedPoint.round(quote / averagePrice, scales.lotScale()));
        long takerLots = Math.round(lots * (0.35 + 0.3 * random.nextDouble()));
        return new DemoCandle(printedPrice(open), printedPrice(high), printedPrice(low), printedPrice(close),
                printedQuantity(lots), quoteOf(lots, averagePrice), trades,
                printedQuantity(takerLots), quoteOf(takerLots, averagePrice));
    }

    private long printedPrice(long ticks) {
        return FixedPoint.rescale(ticks, scales.priceTick(), scales.pricePrinted());
    }

    private long printedQuantity(long lots) {
        return FixedPoint.rescale(lots, scales.lotScale(), scales.quantityPrinted());
    }

    private long quoteOf(long lots, double averagePrice) {
        return FixedPoint.round(FixedPoint.toDouble(lots, scales.lotScale()) * averagePrice, scales.quotePrinted());
    }

    /** A random factor with mean 1. */
    private static double lognormal(Random random, double sigma) {
        return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }
}
