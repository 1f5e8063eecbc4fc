package com.novaquant.execution.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Who may act on the book, and when. Decisions are taken one at a time, in memory (the desk lock), so every decision
 * starts from the ledger plus what the trades before it hold back. Trades run at once for different symbols and one
 * at a time per symbol (a symbol is taken from its signal's claim to its trade's end). Flatten, margin reductions,
 * repairs and reconciliation take the desk to themselves: no decision and no trade runs meanwhile.
 * <p>
 * Nothing that waits on the network runs under the desk lock: callers gather what they need first.
 */
public class Desk {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a trade ends or exclusive work is done. */
    private final Condition changed = lock.newCondition();
    /** Symbols with an execution under way, from the claim to the trade's end. */
    private final Set<String> running = new HashSet<>();
    /** Notional the running opening trades may add to the book. */
    private BigDecimal runningNotional = BigDecimal.ZERO;
    /** Callers waiting for the desk to themselves: new claims wait behind them. */
    private int exclusiveWaiters;
    /** Opening trades ended so far: a decision that saw this change since its claim reads the total again. */
    private long tradesEnded;
    /** Set on a thread while it decides under the lock. */
    private final ThreadLocal<Boolean> deciding = new ThreadLocal<>();

    /** Takes a symbol for one execution; waits while it runs or the desk is wanted exclusively. */
    public Claim claim(String symbol) {
        lock.lock();
        try {
            while (exclusiveWaiters > 0 || running.contains(symbol)) {
                changed.awaitUninterruptibly();
            }
            running.add(symbol);
            return new Claim(symbol, tradesEnded);
        } finally {
            lock.unlock();
        }
    }

    /** A fresh mark for a symbol already taken: the count of ended trades now. */
    public Claim mark(String symbol) {
        lock.lock();
        try {
            return new Claim(symbol, tradesEnded);
        } finally {
            lock.unlock();
        }
    }

    /** A symbol taken for one execution, and what the book looked like when it was taken. */
    public record Claim(String symbol, long tradesEndedAtClaim) {
    }

    /**
     * Runs a decision under the desk lock: {@code decide} gets the notional the running trades may add and whether an
     * opening trade ended since the claim (then the claim's total may be stale); the notional it returns is counted
     * as running until {@link #release}.
     */
    public <T> T decide(Claim claim, DecisionWork<T> decide) {
        lock.lock();
        deciding.set(Boolean.TRUE);
        try {
            return decide.run(runningNotional, tradesEnded != claim.tradesEndedAtClaim(), this::addRunning);
        } finally {
            deciding.remove();
            lock.unlock();
        }
    }

    /** Whether this thread is inside a decision: the window in which no network call may happen. */
    public boolean decidingOnThisThread() {
        return deciding.get() != null;
    }

    @FunctionalInterface
    public interface DecisionWork<T> {
        T run(BigDecimal runningNotional, boolean tradeEndedSinceClaim, Consumer<BigDecimal> hold);
    }

    private void addRunning(BigDecimal notional) {
        runningNotional = runningNotional.add(notional);
    }

    /** The execution is over (or never traded): its symbol is free and its notional no longer counted. */
    public void release(String symbol, BigDecimal notional) {
        lock.lock();
        try {
            running.remove(symbol);
            if (notional.signum() != 0) {
                runningNotional = runningNotional.subtract(notional);
                tradesEnded++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the running trades to end; false if some still run after {@code timeout}. */
    public boolean awaitTrades(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!running.isEmpty() && left > 0) {
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return running.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Runs work with the desk to itself: waits for the running trades and holds new claims back meanwhile. */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        exclusiveWaiters++;
        try {
            while (!running.isEmpty()) {
                changed.awaitUninterruptibly();
            }
        } finally {
            exclusiveWaiters--;
        }
        try {
            return work.get();
        } finally {
            changed.signalAll();
            lock.unlock();
        }
    }

    public void exclusively(Runnable work) {
        exclusively(() -> {
            work.run();
            return null;
        });
    }
}
