package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;

/**
 * A one-symbol test bench around {@link PairDecider}: feeds books and funding at a controlled clock and applies
 * decisions the way the engine does.
 */
final class Desk {

    static final long SECOND = 1_000_000L;
    static final long T0 = 1_780_000_000_000_000L;

    static final long HOUR_MS = 3_600_000L;

    /** The service's defaults (application.yml). */
    static SignalPolicy policy() {
        return policy(0.001, 0.0005, 0);
    }

    /** The defaults with other fee rates and exit threshold. */
    static SignalPolicy policy(double spotFee, double perpFee, double exitThresholdApr) {
        return new SignalPolicy(0.15, exitThresholdApr, 2, 0.004, 168, 168, 2 * SECOND, 10 * SECOND, 0.02, 0.03,
                60 * SECOND, 30 * SECOND, spotFee, perpFee, 0.25, 5000, 10, 0.2);
    }

    final PairState state;
    final Verdict verdict = new Verdict();
    SignalPolicy policy = policy();
    SymbolPolicy symbolPolicy = new SymbolPolicy(8, 1000);
    long now = T0;
    long nextFundingTimeMs = T0 / 1000 + 3_600_000;
    /** The funding interval the funding updates carry, as ingestion publishes it; 0 when they carry none. */
    int publishedIntervalHours;
    double otherNotional;
    DeskMode mode = DeskMode.TRADING;
    boolean feedGated;
    int decisions;

    Desk() {
        this("BTCUSDT");
    }

    Desk(String symbol) {
        state = new PairState(symbol);
    }

    Desk books(double spotBid, double spotAsk, double perpBid, double perpAsk) {
        state.spot().update(spotBid, 1, spotAsk, 1, now);
        state.perp().update(perpBid, 1, perpAsk, 1, now);
        return this;
    }

    Desk funding(double rate) {
        state.funding().update(rate, nextFundingTimeMs, now, publishedIntervalHours);
        return this;
    }

    /** The funding interval settles: the next funding time moves on by eight hours. */
    Desk settle(double nextRate) {
        return settle(8, nextRate);
    }

    /** A funding time passes and the next one is {@code intervalHours} later: the tracker learns that interval. */
    Desk settle(int intervalHours, double nextRate) {
        nextFundingTimeMs += intervalHours * HOUR_MS;
        return funding(nextRate);
    }

    /** Typical BTC books: perp 3 bp over spot, 1 bp spreads. */
    Desk normalBooks() {
        return books(99_990, 100_000, 100_030, 100_040);
    }

    Desk after(long micros) {
        now += micros;
        return this;
    }

    Verdict evaluate() {
        PairDecider.evaluate(state, policy, symbolPolicy, otherNotional, mode, feedGated, now, verdict);
        if (verdict.kind() == Verdict.Kind.DECIDE) {
            state.applyDecision(verdict, now);
            decisions++;
        } else if (verdict.kind() == Verdict.Kind.REFRESH) {
            state.markRefreshed(now);
        }
        return verdict;
    }
}
