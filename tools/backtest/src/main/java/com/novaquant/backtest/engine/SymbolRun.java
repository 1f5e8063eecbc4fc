package com.novaquant.backtest.engine;

import com.novaquant.history.FundingRecord;
import com.novaquant.backtest.report.BacktestReport;
import com.novaquant.strategy.pair.PairState;
import com.novaquant.strategy.pair.SymbolPolicy;
import com.novaquant.strategy.universe.Candidate;

import java.math.BigDecimal;
import java.util.List;

/**
 * One symbol during a run: where the replay stands in its history, the pair rules' state of it (the same
 * {@link PairState} the signal service keeps), its exact book, and its statistics.
 */
final class SymbolRun {

    private static final long HOUR_MS = 3_600_000L;
    private static final double MINUTES_PER_DAY = 24 * 60;

    final String symbol;
    final PairState state;
    final PairBook book;
    final MarketTape spot;
    final MarketTape perp;
    private final List<FundingRecord> funding;
    private int fundingIndex;
    private BigDecimal rate;
    private int intervalHours;
    private long nextFundingTimeMs;
    SymbolPolicy policy = new SymbolPolicy(8, 0, false);

    final PairStatistics statistics = new PairStatistics();

    SymbolRun(SymbolHistory history) {
        this.symbol = history.symbol();
        this.state = new PairState(symbol);
        this.book = new PairBook(symbol);
        this.spot = new MarketTape(history.spot());
        this.perp = new MarketTape(history.perp());
        this.funding = history.funding();
    }

    /** Takes the klines of the minute opening at {@code minuteMs}; a market with none has no book this minute. */
    void advanceTo(long minuteMs) {
        spot.advanceTo(minuteMs);
        perp.advanceTo(minuteMs);
    }

    /**
     * Settles every funding due by {@code nowMs} on the open pair, at the perpetual's last close as mark price. The
     * rate settled becomes the prediction for the next interval: the files hold settled rates only, and the
     * backtest must not use a rate before it is known.
     */
    void settleFundingUpTo(long nowMs) {
        while (fundingIndex < funding.size() && funding.get(fundingIndex).calcTimeMs() <= nowMs) {
            FundingRecord due = funding.get(fundingIndex++);
            if (perp.lastClose() != null) {
                book.settleFunding(perp.lastClose(), due.lastFundingRate());
            }
            rate = due.lastFundingRate();
            intervalHours = due.intervalHours();
            nextFundingTimeMs = due.calcTimeMs() + due.intervalHours() * HOUR_MS;
        }
        if (fundingIndex < funding.size()) {
            FundingRecord next = funding.get(fundingIndex);
            intervalHours = next.intervalHours();
            nextFundingTimeMs = next.calcTimeMs();
        }
    }

    /**
     * The history of a market has ended before {@code minuteMs}: the symbol was delisted (or the mirror stops), so
     * an open pair cannot wait for a rule to close it.
     */
    boolean ended(long minuteMs) {
        return spot.endedBefore(minuteMs) || perp.endedBefore(minuteMs);
    }

    /** Both markets traded this minute and a funding rate is known. */
    boolean live() {
        return spot.current() != null && perp.current() != null && rate != null;
    }

    /** Feeds this minute's books and funding to the pair rules' state, as ingestion would. */
    void feed(CostModel costs, long nowMs) {
        long nowMicros = nowMs * 1_000;
        double spotClose = spot.current().close().doubleValue();
        double perpClose = perp.current().close().doubleValue();
        double spotDepth = spot.touchQuantity(nowMs, costs.depthShare());
        double perpDepth = perp.touchQuantity(nowMs, costs.depthShare());
        state.spot().update(spotClose * (1 - costs.spotHalfSpread()), spotDepth,
                spotClose * (1 + costs.spotHalfSpread()), spotDepth, nowMicros);
        state.perp().update(perpClose * (1 - costs.perpHalfSpread()), perpDepth,
                perpClose * (1 + costs.perpHalfSpread()), perpDepth, nowMicros);
        state.funding().update(rate.doubleValue(), nextFundingTimeMs, nowMicros, intervalHours);
    }

    /** What the universe scanner sees of this symbol now; book depth as the day's average share of volume. */
    Candidate candidate(long nowMs, double depthShare) {
        if (!live()) {
            return new Candidate(symbol, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        // The universe judges depth over the day, not the hour: a book that thins every night is the same market.
        double spotVolume = spot.dayQuoteVolume(nowMs);
        double perpVolume = perp.dayQuoteVolume(nowMs);
        double spotDepth = spotVolume / MINUTES_PER_DAY / state.spot().ask() * depthShare;
        double perpDepth = perpVolume / MINUTES_PER_DAY / state.perp().bid() * depthShare;
        return new Candidate(symbol, true, rate.doubleValue(), intervalHours,
                state.spot().bid(), spotDepth, state.spot().ask(), spotDepth,
                state.perp().bid(), perpDepth, state.perp().ask(), perpDepth, spotVolume, perpVolume);
    }

    int intervalHours() {
        return intervalHours == 0 ? 8 : intervalHours;
    }

    /** The pair's net PnL, the open legs valued at the last closes. */
    BigDecimal netPnl() {
        return basisPnl().add(book.funding()).add(book.fees());
    }

    BigDecimal basisPnl() {
        return spot.lastClose() == null || perp.lastClose() == null ? book.realisedBasis()
                : book.basisPnl(spot.lastClose(), perp.lastClose());
    }

    /** Counts a minute in the pair's statistics; returns the pair's net PnL now. */
    BigDecimal recordMinute() {
        BigDecimal net = netPnl();
        statistics.record(book, net);
        return net;
    }

    BacktestReport.PairResult result(long totalMinutes) {
        return statistics.result(symbol, book, basisPnl(), netPnl(), totalMinutes);
    }
}
