package com.novaquant.backtest.engine;

import com.novaquant.history.Kline;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A sum over the klines of a trailing window, kept up to date as time moves forward (each kline added and removed once). */
final class TrailingSum {

    private final List<Kline> klines;
    private final long windowMs;
    private final ToDoubleFunction<Kline> value;
    private int head;
    private int tail;
    private double sum;

    TrailingSum(List<Kline> klines, long windowMs, ToDoubleFunction<Kline> value) {
        this.klines = klines;
        this.windowMs = windowMs;
        this.value = value;
    }

    /** The sum over klines that opened in {@code (nowMs - window, nowMs)}. */
    double at(long nowMs) {
        while (head < klines.size() && klines.get(head).openTimeMs() < nowMs) {
            sum += value.applyAsDouble(klines.get(head++));
        }
        while (tail < head && klines.get(tail).openTimeMs() <= nowMs - windowMs) {
            sum -= value.applyAsDouble(klines.get(tail++));
        }
        return tail == head ? 0 : Math.max(0, sum);
    }

    /** How many klines the window holds (after the last {@link #at}). */
    int count() {
        return head - tail;
    }
}
