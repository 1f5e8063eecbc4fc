package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price history of one symbol on one venue, in memory and bounded: for every {@link KlineInterval} the latest
 * {@link #MAX_CANDLES} candles (the most a klines request may ask for). Fed with the venue's last price on every book
 * change; a minute without any change is carried forward as a flat candle at the previous close, as an exchange
 * shows a quiet market. Written by the market source's thread, read by requests; every access holds this object's
 * lock, which a write keeps for a few comparisons only.
 */
public final class PriceHistory {

    /** Candles kept per interval: the largest klines {@code limit} (USD-M) and more than a day of minutes. */
    public static final int MAX_CANDLES = 1500;

    private final Map<KlineInterval, ArrayDeque<Bar>> series = new EnumMap<>(KlineInterval.class);
    private long minuteEnd = Long.MIN_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    public PriceHistory() {
        for (KlineInterval interval : KlineInterval.values()) {
            series.put(interval, new ArrayDeque<>());
        }
    }

    /**
     * The price a book stands for when there is no trade to quote: the mid, rounded to the tick (so it lies between
     * the best bid and the best ask, both included).
     */
    public static BigDecimal lastPrice(Book book, BigDecimal tickSize) {
        BigDecimal mid = book.bestBid().price().add(book.bestAsk().price()).divide(BigDecimal.TWO);
        return mid.divide(tickSize, 0, RoundingMode.HALF_EVEN).multiply(tickSize);
    }

    /** Records {@code price} at wall time {@code millis}; a time earlier than the last one counts as the last one. */
    public synchronized void record(long millis, BigDecimal price) {
        long at = Math.max(millis, lastMillis);
        lastMillis = at;
        if (at < minuteEnd) {
            for (ArrayDeque<Bar> bars : series.values()) {
                bars.peekLast().update(price);
            }
            return;
        }
        for (Map.Entry<KlineInterval, ArrayDeque<Bar>> entry : series.entrySet()) {
            roll(entry.getKey(), entry.getValue(), at, price);
        }
        minuteEnd = KlineInterval.M1.openTime(at) + 60_000L;
    }

    private static void roll(KlineInterval interval, ArrayDeque<Bar> bars, long at, BigDecimal price) {
        long open = interval.openTime(at);
        Bar last = bars.peekLast();
        if (last != null && last.openTime == open) {
            last.update(price);
            return;
        }
        if (last != null) {
            long next = Math.max(interval.closeTime(last.openTime) + 1,
                    interval.openTime(open - (long) MAX_CANDLES * interval.approximateMillis()));
            while (next < open) {
                append(bars, new Bar(next, interval.closeTime(next), last.close));
                next = interval.closeTime(next) + 1;
            }
        }
        append(bars, new Bar(open, interval.closeTime(open), price));
    }

    private static void append(ArrayDeque<Bar> bars, Bar bar) {
        bars.addLast(bar);
        if (bars.size() > MAX_CANDLES) {
            bars.removeFirst();
        }
    }

    /**
     * Candles of {@code interval} in ascending order, as Binance selects klines: those opening within
     * [{@code startTime}, {@code endTime}] (each bound optional); the first {@code limit} after a start time,
     * otherwise the last {@code limit}.
     */
    public synchronized List<Candle> candles(KlineInterval interval, Long startTime, Long endTime, int limit) {
        List<Candle> selected = new ArrayList<>();
        for (Bar bar : series.get(interval)) {
            if ((startTime == null || bar.openTime >= startTime) && (endTime == null || bar.openTime <= endTime)) {
                selected.add(bar.candle());
            }
        }
        if (selected.size() <= limit) {
            return selected;
        }
        return startTime != null ? selected.subList(0, limit) : selected.subList(selected.size() - limit, selected.size());
    }

    /** The wall time of the last recorded price ({@link Long#MIN_VALUE} before the first). */
    public synchronized long lastMillis() {
        return lastMillis;
    }

    /** The last recorded price, if any was recorded. */
    public synchronized Optional<BigDecimal> last() {
        Bar bar = series.get(KlineInterval.M1).peekLast();
        return bar == null ? Optional.empty() : Optional.of(bar.close);
    }

    /**
     * Statistics over the window of {@code windowMillis} that ends at {@code now}, at minute resolution: every
     * minute candle that overlaps the window counts. Flat at the last price when nothing was recorded in the window,
     * empty when nothing was recorded at all.
     */
    public synchronized Optional<Rolling> rolling(long now, long windowMillis) {
        long from = now - windowMillis;
        Bar before = null;
        Bar first = null;
        Bar lastBar = null;
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal closes = BigDecimal.ZERO;
        int count = 0;
        for (Iterator<Bar> it = series.get(KlineInterval.M1).iterator(); it.hasNext(); ) {
            Bar bar = it.next();
            if (bar.closeTime < from) {
                before = bar;
                continue;
            }
            if (bar.openTime > now) {
                break;
            }
            if (first == null) {
                first = bar;
            }
            lastBar = bar;
            high = high == null ? bar.high : high.max(bar.high);
            low = low == null ? bar.low : low.min(bar.low);
            closes = closes.add(bar.close);
            count++;
        }
        if (first == null) {
            // Nothing recorded in the window: a quiet market stands at its last price.
            return before == null ? Optional.empty() : Optional.of(new Rolling(before.close, before.close, before.close,
                    before.close, before.close, before.close, lastMillis));
        }
        BigDecimal average = closes.divide(BigDecimal.valueOf(count), 8, RoundingMode.HALF_EVEN);
        return Optional.of(new Rolling(first.open, high, low, lastBar.close, before != null ? before.close : first.open,
                average, lastMillis));
    }

    /**
     * Rolling-window statistics: open (the first price in the window), high, low, last, the close before the window
     * (the first price when the history does not reach back that far), the average of the minute closes, and the
     * wall time of the last recorded price.
     */
    public record Rolling(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal last, BigDecimal previousClose,
                         BigDecimal averageClose, long lastMillis) {
    }

    private static final class Bar {
        final long openTime;
        final long closeTime;
        final BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;

        Bar(long openTime, long closeTime, BigDecimal price) {
            this.openTime = openTime;
            this.closeTime = closeTime;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
        }

        void update(BigDecimal price) {
            if (price.compareTo(high) > 0) {
                high = price;
            }
            if (price.compareTo(low) < 0) {
                low = price;
            }
            close = price;
        }

        Candle candle() {
            return new Candle(openTime, closeTime, open, high, low, close);
        }
    }
}
