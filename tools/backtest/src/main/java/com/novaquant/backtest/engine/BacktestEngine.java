package com.novaquant.backtest.engine;

import com.novaquant.history.Kline;
import com.novaquant.backtest.report.BacktestReport;
import com.novaquant.events.DeskMode;
import com.novaquant.strategy.pair.PairDecider;
import com.novaquant.strategy.pair.SymbolPolicy;
import com.novaquant.strategy.pair.Verdict;
import com.novaquant.strategy.universe.Allocation;
import com.novaquant.strategy.universe.Candidate;
import com.novaquant.strategy.universe.CapitalAllocator;
import com.novaquant.strategy.universe.Selection;
import com.novaquant.strategy.universe.UniverseSelector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Replays history minute by minute through the production rules: the universe is chosen ({@link UniverseSelector})
 * and capital spread ({@link CapitalAllocator}) every rescan, and each symbol's pair is decided by
 * {@link PairDecider} on books built from the minute's klines, as the signal service decides on live books. A
 * decision fills at once at the cost model's prices; funding settles on the open pairs at each funding time. A pair
 * whose history ends (a delisting) is closed at its last prices the minute after; pairs still open at the end are
 * closed at the last prices, fees included, so the report holds no unrealised PnL.
 */
public final class BacktestEngine {

    private static final long MINUTE_MS = 60_000L;
    /** The charts need no more points than a screen has pixels. */
    private static final int MAX_SAMPLES = 2_000;

    private final BacktestSettings settings;
    private final List<SymbolRun> runs = new ArrayList<>();
    private final Verdict verdict = new Verdict();
    private final BigDecimal spotFee;
    private final BigDecimal perpFee;
    private Set<String> members = Set.of();

    private BacktestEngine(BacktestSettings settings, Collection<SymbolHistory> histories) {
        this.settings = settings;
        for (SymbolHistory history : histories) {
            runs.add(new SymbolRun(history));
        }
        runs.sort(java.util.Comparator.comparing(r -> r.symbol));
        this.spotFee = BigDecimal.valueOf(settings.policy().spotFee());
        this.perpFee = BigDecimal.valueOf(settings.policy().perpFee());
    }

    /** Runs the rules over every minute from the first to the last kline of the histories. */
    public static BacktestReport run(String title, Collection<SymbolHistory> histories, BacktestSettings settings) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (SymbolHistory history : histories) {
            for (List<Kline> klines : List.of(history.spot(), history.perp())) {
                if (!klines.isEmpty()) {
                    from = Math.min(from, klines.getFirst().openTimeMs());
                    to = Math.max(to, klines.getLast().openTimeMs() + MINUTE_MS);
                }
            }
        }
        if (from >= to) {
            throw new IllegalArgumentException("the histories hold no klines");
        }
        return new BacktestEngine(settings, histories).replay(title, from, to);
    }

    private BacktestReport replay(String title, long fromMs, long toMs) {
        BigDecimal capital = BigDecimal.valueOf(settings.allocation().capital());
        RunTotals totals = new RunTotals(capital);
        long minutes = (toMs - fromMs) / MINUTE_MS;
        long sampleEvery = Math.max(1, minutes / MAX_SAMPLES);
        long rescanMs = settings.rescanEvery().toMillis();
        long nextScanMs = Long.MIN_VALUE;
        long minute = 0;
        for (long openMs = fromMs; openMs < toMs; openMs += MINUTE_MS, minute++) {
            long nowMs = openMs + MINUTE_MS;
            for (SymbolRun run : runs) {
                run.advanceTo(openMs);
                run.settleFundingUpTo(nowMs);
                if (run.live()) {
                    run.feed(settings.costs(), nowMs);
                }
            }
            if (nowMs >= nextScanMs) {
                rescan(nowMs);
                nextScanMs = nowMs + rescanMs;
            }
            for (SymbolRun run : runs) {
                if (run.live()) {
                    decide(run, nowMs);
                } else if (run.book.open() && run.ended(openMs)) {
                    close(run);
                }
            }
            boolean last = openMs + MINUTE_MS >= toMs;
            if (last) {
                closeAll();
            }
            totals.recordMinute(runs);
            if (minute % sampleEvery == 0 || last) {
                totals.sample(nowMs, runs);
            }
        }
        List<BacktestReport.PairResult> pairs = new ArrayList<>();
        for (SymbolRun run : runs) {
            if (run.statistics.everOpen() || run.book.trades() > 0) {
                pairs.add(run.result(minutes));
            }
        }
        return totals.report(title, fromMs, toMs, settings.describe(), pairs, minutes);
    }

    /** Chooses the universe again and gives every symbol its policy: members their budget, the others none. */
    private void rescan(long nowMs) {
        List<Candidate> candidates = new ArrayList<>(runs.size());
        for (SymbolRun run : runs) {
            candidates.add(run.candidate(nowMs, settings.costs().depthShare()));
        }
        Selection selection = UniverseSelector.select(members, candidates, settings.universe());
        Allocation allocation = CapitalAllocator.allocate(selection.members(), settings.allocation());
        members = selection.symbols();
        for (SymbolRun run : runs) {
            boolean member = members.contains(run.symbol);
            run.policy = new SymbolPolicy(run.intervalHours(), allocation.notionalOf(run.symbol), member);
        }
    }

    private void decide(SymbolRun run, long nowMs) {
        PairDecider.evaluate(run.state, settings.policy(), run.policy, otherNotional(run), DeskMode.TRADING, false,
                nowMs * 1_000, verdict);
        if (verdict.kind() != Verdict.Kind.DECIDE) {
            return;
        }
        BigDecimal qty = BigDecimal.valueOf(verdict.targetQty()).setScale(8, java.math.RoundingMode.DOWN);
        if (qty.signum() > 0 && !run.book.open()) {
            run.book.open(qty, buy(run.spot.current().close(), settings.costs().spotHalfSpread()),
                    sell(run.perp.current().close(), settings.costs().perpHalfSpread()), spotFee, perpFee);
        } else if (qty.signum() == 0 && run.book.open()) {
            close(run);
        } else if (qty.signum() > 0) {
            resize(run, qty);
        }
        run.state.applyDecision(verdict, nowMs * 1_000);
    }

    private void closeAll() {
        for (SymbolRun run : runs) {
            if (run.book.open()) {
                close(run);
            }
        }
    }

    /** An open pair resized to its allocation: growth takes the opening's sides, a reduction the closing's. */
    private void resize(SymbolRun run, BigDecimal qty) {
        boolean grows = qty.compareTo(run.book.qty()) > 0;
        BigDecimal spotClose = run.spot.current().close();
        BigDecimal perpClose = run.perp.current().close();
        double spotHalf = settings.costs().spotHalfSpread();
        double perpHalf = settings.costs().perpHalfSpread();
        BigDecimal spotPrice = grows ? buy(spotClose, spotHalf) : sell(spotClose, spotHalf);
        BigDecimal perpPrice = grows ? sell(perpClose, perpHalf) : buy(perpClose, perpHalf);
        run.book.resize(qty, spotPrice, perpPrice, spotFee, perpFee);
    }

    private void close(SymbolRun run) {
        run.book.close(sell(run.spot.lastClose(), settings.costs().spotHalfSpread()),
                buy(run.perp.lastClose(), settings.costs().perpHalfSpread()), spotFee, perpFee);
    }

    private BigDecimal buy(BigDecimal close, double halfSpread) {
        return settings.costs().fill(close, halfSpread, true);
    }

    private BigDecimal sell(BigDecimal close, double halfSpread) {
        return settings.costs().fill(close, halfSpread, false);
    }

    private double otherNotional(SymbolRun self) {
        double sum = 0;
        for (SymbolRun run : runs) {
            if (run != self) {
                sum += run.state.targetNotional();
            }
        }
        return sum;
    }
}
