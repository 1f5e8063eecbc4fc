package com.novaquant.backtest.engine;

import com.novaquant.history.Kline;

import java.math.BigDecimal;
import java.util.List;

/**
 * One market of a symbol (spot or the perpetual) during a replay: the kline of the current minute, the last close
 * seen, and the trailing volumes the books and the universe are judged by.
 */
final class MarketTape {

    private static final long DAY_MS = 86_400_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final double MINUTES_PER_DAY = 24 * 60;

    private final List<Kline> klines;
    private final TrailingSum dayQuoteVolume;
    private final TrailingSum hourBaseVolume;
    private int next;
    private Kline current;
    private BigDecimal lastClose;

    MarketTape(List<Kline> klines) {
        this.klines = klines;
        this.dayQuoteVolume = new TrailingSum(klines, DAY_MS, k -> k.quoteVolume().doubleValue());
        this.hourBaseVolume = new TrailingSum(klines, HOUR_MS, k -> k.volume().doubleValue());
    }

    /** Takes the kline of the minute opening at {@code minuteMs}; null when the market did not trade then. */
    Kline advanceTo(long minuteMs) {
        while (next < klines.size() && klines.get(next).openTimeMs() < minuteMs) {
            next++;
        }
        current = next < klines.size() && klines.get(next).openTimeMs() == minuteMs ? klines.get(next++) : null;
        if (current != null) {
            lastClose = current.close();
        }
        return current;
    }

    /** This minute's kline, null when the market did not trade. */
    Kline current() {
        return current;
    }

    /** The last close seen, null before the first. */
    BigDecimal lastClose() {
        return lastClose;
    }

    /** The history ends before {@code minuteMs}: delisted, or the mirror stops. */
    boolean endedBefore(long minuteMs) {
        return klines.isEmpty() || klines.getLast().openTimeMs() < minuteMs;
    }

    /** The base quantity at the touch: {@code share} of the base volume traded per minute over the last hour. */
    double touchQuantity(long nowMs, double share) {
        double volume = hourBaseVolume.at(nowMs);
        int minutes = hourBaseVolume.count();
        return minutes == 0 ? 0 : volume / minutes * share;
    }

    /** The last 24 h of traded value; in the first day of a replay, what has been seen so far scaled to a day. */
    double dayQuoteVolume(long nowMs) {
        double sum = dayQuoteVolume.at(nowMs);
        int minutes = dayQuoteVolume.count();
        return minutes == 0 ? 0 : sum * Math.max(1.0, MINUTES_PER_DAY / minutes);
    }
}
