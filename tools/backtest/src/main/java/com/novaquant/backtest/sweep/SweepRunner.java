package com.novaquant.backtest.sweep;

import com.novaquant.backtest.engine.BacktestEngine;
import com.novaquant.backtest.engine.SymbolHistory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the points of a sweep in parallel on one machine. The histories are read once and shared: runs only read
 * them, and each keeps its own state, so the outcome of a point does not depend on the others or on the threads.
 */
public final class SweepRunner {

    private SweepRunner() {
    }

    /** The outcomes in the points' order. */
    public static List<SweepOutcome> run(List<SweepPoint> points, Collection<SymbolHistory> histories,
                                         double capital, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<SweepOutcome>> futures = new ArrayList<>();
            for (SweepPoint point : points) {
                futures.add(pool.submit(() -> new SweepOutcome(point,
                        BacktestEngine.run("sweep point " + point.index(), histories, point.settings(capital))
                                .totals())));
            }
            List<SweepOutcome> outcomes = new ArrayList<>(points.size());
            for (Future<SweepOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sweep point failed: " + e.getCause().getMessage(),
                            e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
