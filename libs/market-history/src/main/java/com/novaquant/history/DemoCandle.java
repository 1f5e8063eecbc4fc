package com.novaquant.history;

/** One generated minute of one market, every number in units of its {@link DemoScales printed} scale. */
record DemoCandle(long open, long high, long low, long close, long volume, long quoteVolume, long trades,
                  long takerBuyVolume, long takerBuyQuoteVolume) {

    /** A line of Binance's 12 kline columns; {@code openTime} and {@code closeTime} in the file's own unit. */
    void appendLine(StringBuilder out, long openTime, long closeTime, DemoScales scales) {
        out.append(openTime).append(',');
        FixedPoint.append(out, open, scales.pricePrinted()).append(',');
        FixedPoint.append(out, high, scales.pricePrinted()).append(',');
        FixedPoint.append(out, low, scales.pricePrinted()).append(',');
        FixedPoint.append(out, close, scales.pricePrinted()).append(',');
        FixedPoint.append(out, volume, scales.quantityPrinted()).append(',');
        out.append(closeTime).append(',');
        FixedPoint.append(out, quoteVolume, scales.quotePrinted()).append(',');
        out.append(trades).append(',');
        FixedPoint.append(out, takerBuyVolume, scales.quantityPrinted()).append(',');
        FixedPoint.append(out, takerBuyQuoteVolume, scales.quotePrinted()).append(",0\n");
    }
}
