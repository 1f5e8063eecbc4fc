package com.novaquant.backtest.engine;

import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;
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

    private static final long DAY_MS = 86_400_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final double MINUTES_PER_DAY = 24 * 60;

    final String symbol;
    final PairState state;
    final PairBook book;
    private final SymbolHistory history;
    private final TrailingSum spotQuoteVolume;
    private final TrailingSum perpQuoteVolume;
    private final TrailingSum spotHourVolume;
    private final TrailingSum perpHourVolume;
    private int spotIndex;
    private int perpIndex;
    private int fundingIndex;

    Kline spot;
    Kline perp;
    private BigDecimal lastSpotClose;
    private BigDecimal lastPerpClose;
    private BigDecimal rate;
    private int intervalHours;
    private long nextFundingTimeMs;
    SymbolPolicy policy = new SymbolPolicy(8, 0, false);

    final PairStatistics statistics = new PairStatistics();

    SymbolRun(SymbolHistory history) {
        this.symbol = history.symbol();
        this.history = history;
        this.state = new PairState(symbol);
        this.book = new PairBook(symbol);
        this.spotQuoteVolume = new TrailingSum(history.spot(), DAY_MS, k -> k.quoteVolume().doubleValue());
        this.perpQuoteVolume = new TrailingSum(history.perp(), DAY_MS, k -> k.quoteVolume().doubleValue());
        this.spotHourVolume = new TrailingSum(history.spot(), HOUR_MS, k -> k.volume().doubleValue());
        this.perpHourVolume = new TrailingSum(history.perp(), HOUR_MS, k -> k.volume().doubleValue());
    }

    /** Takes the klines of the minute opening at {@code minuteMs}; a market with none has no book this minute. */
    void advanceTo(long minuteMs) {
        spot = take(history.spot(), minuteMs, true);
        perp = take(history.perp(), minuteMs, false);
    }

    private Kline take(List<Kline> klines, long minuteMs, boolean isSpot) {
        int i = isSpot ? spotIndex : perpIndex;
        while (i < klines.size() && klines.get(i).openTimeMs() < minuteMs) {
            i++;
        }
        Kline found = i < klines.size() && klines.get(i).openTimeMs() == minuteMs ? klines.get(i) : null;
        if (found != null) {
            i++;
            if (isSpot) {
                lastSpotClose = found.close();
            } else {
                lastPerpClose = found.close();
            }
        }
        if (isSpot) {
            spotIndex = i;
        } else {
            perpIndex = i;
        }
        return found;
    }

    /**
     * Settles every funding due by {@code nowMs} on the open pair, at the perpetual's last close as mark price. The
     * rate settled becomes the prediction for the next interval: the files hold settled rates only, and the
     * backtest must not use a rate before it is known.
     */
    void settleFundingUpTo(long nowMs) {
        List<FundingRecord> funding = history.funding();
        while (fundingIndex < funding.size() && funding.get(fundingIndex).calcTimeMs() <= nowMs) {
            FundingRecord due = funding.get(fundingIndex++);
            if (lastPerpClose != null) {
                book.settleFunding(lastPerpClose, due.lastFundingRate());
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
        return ended(history.spot(), minuteMs) || ended(history.perp(), minuteMs);
    }

    private static boolean ended(List<Kline> klines, long minuteMs) {
        return klines.isEmpty() || klines.getLast().openTimeMs() < minuteMs;
    }

    /** Both markets traded this minute and a funding rate is known. */
    boolean live() {
        return spot != null && perp != null && rate != null;
    }

    /** Feeds this minute's books and funding to the pair rules' state, as ingestion would. */
    void feed(CostModel costs, long nowMs) {
        long nowMicros = nowMs * 1_000;
        double spotClose = spot.close().doubleValue();
        double perpClose = perp.close().doubleValue();
        double spotDepth = depth(spotHourVolume.at(nowMs), spotHourVolume.count(), costs);
        double perpDepth = depth(perpHourVolume.at(nowMs), perpHourVolume.count(), costs);
        state.spot().update(spotClose * (1 - costs.spotHalfSpread()), spotDepth,
                spotClose * (1 + costs.spotHalfSpread()), spotDepth, nowMicros);
        state.perp().update(perpClose * (1 - costs.perpHalfSpread()), perpDepth,
                perpClose * (1 + costs.perpHalfSpread()), perpDepth, nowMicros);
        state.funding().update(rate.doubleValue(), nextFundingTimeMs, nowMicros, intervalHours);
    }

    private static double depth(double hourVolume, int minutes, CostModel costs) {
        return minutes == 0 ? 0 : hourVolume / minutes * costs.depthShare();
    }

    /** What the universe scanner sees of this symbol now; book depth as the day's average share of volume. */
    Candidate candidate(long nowMs, double depthShare) {
        if (!live()) {
            return new Candidate(symbol, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        // The universe judges depth over the day, not the hour: a book that thins every night is the same market.
        double spotVolume = dayVolume(spotQuoteVolume, nowMs);
        double perpVolume = dayVolume(perpQuoteVolume, nowMs);
        double spotDepth = spotVolume / MINUTES_PER_DAY / state.spot().ask() * depthShare;
        double perpDepth = perpVolume / MINUTES_PER_DAY / state.perp().bid() * depthShare;
        return new Candidate(symbol, true, rate.doubleValue(), intervalHours,
                state.spot().bid(), spotDepth, state.spot().ask(), spotDepth,
                state.perp().bid(), perpDepth, state.perp().ask(), perpDepth, spotVolume, perpVolume);
    }

    /** The last 24 h of traded value; in the first day of a replay, what has been seen so far scaled to a day. */
    private static double dayVolume(TrailingSum quoteVolume, long nowMs) {
        double sum = quoteVolume.at(nowMs);
        int minutes = quoteVolume.count();
        return minutes == 0 ? 0 : sum * Math.max(1.0, MINUTES_PER_DAY / minutes);
    }

    int intervalHours() {
        return intervalHours == 0 ? 8 : intervalHours;
    }

    BigDecimal lastSpotClose() {
        return lastSpotClose;
    }

    BigDecimal lastPerpClose() {
        return lastPerpClose;
    }

    /** The pair's net PnL, the open legs valued at the last closes. */
    BigDecimal netPnl() {
        return basisPnl().add(book.funding()).add(book.fees());
    }

    BigDecimal basisPnl() {
        return lastSpotClose == null || lastPerpClose == null ? book.realisedBasis()
                : book.basisPnl(lastSpotClose, lastPerpClose);
    }

    /** Counts a minute in the pair's statistics. */
    void recordMinute() {
        statistics.record(book, netPnl());
    }

    BacktestReport.PairResult result(long totalMinutes) {
        return statistics.result(symbol, book, basisPnl(), netPnl(), totalMinutes);
    }
}
