package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Makes this instance the one active trader, or keeps it passive. Becoming active: take the lease, restore the
 * kill switch from the ledger, check the account's setup (no order before it is known good), reconcile with the
 * exchange (resolving any execution a previous holder left half-done), then start consuming signals and report
 * ready. Losing the lease stops the signal consumer at once. While active it runs the periodic jobs: account check,
 * reconciliation, account refresh, funding poll, margin watch, drawdown guard, daily summary.
 */
public class TradingSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TradingSupervisor.class);

    private final TradingLease lease;
    private final SignalIntake intake;
    private final KillSwitch killSwitch;
    private final AccountSetup accountSetup;
    private final Reconciler reconciler;
    private final AccountBook account;
    private final BooksKeeper books;
    private final MarginWatch margin;
    private final DrawdownGuard drawdown;
    private final DailySummary dailySummary;
    private final Alerts alerts;
    private final ExecutionProperties properties;
    private final Consumer<Boolean> readiness;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3,
            Thread.ofPlatform().name("execution-supervisor-", 0).daemon().factory());
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile boolean shuttingDown;

    public TradingSupervisor(TradingLease lease, SignalIntake intake, KillSwitch killSwitch, AccountSetup accountSetup,
                             Reconciler reconciler, AccountBook account, BooksKeeper books, MarginWatch margin,
                             DrawdownGuard drawdown, DailySummary dailySummary, Alerts alerts,
                             ExecutionProperties properties, Consumer<Boolean> readiness) {
        this.lease = lease;
        this.intake = intake;
        this.killSwitch = killSwitch;
        this.accountSetup = accountSetup;
        this.reconciler = reconciler;
        this.account = account;
        this.books = books;
        this.margin = margin;
        this.drawdown = drawdown;
        this.dailySummary = dailySummary;
        this.alerts = alerts;
        this.properties = properties;
        this.readiness = readiness;
    }

    public void start() {
        readiness.accept(false);
        long leaseMs = properties.leaseCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guard("lease", this::checkLease), 0, leaseMs, TimeUnit.MILLISECONDS);
        // Active or not: a state engaged while the database was away must reach the ledger before any restart.
        scheduler.scheduleWithFixedDelay(guard("kill switch history", killSwitch::persistPending), leaseMs, leaseMs,
                TimeUnit.MILLISECONDS);
        every(properties.accountCheckInterval(), "account check", () -> accountSetup.check());
        every(properties.reconcileInterval(), "reconciliation", () -> reconciler.reconcile());
        every(properties.balanceRefreshInterval(), "account refresh", () -> account.refresh(AccountBook.Trigger.PERIODIC));
        every(properties.books().tradeInterval(), "trade booking", books::bookTrades);
        every(properties.books().fundingCheckInterval(), "income sync", books::syncIncome);
        every(properties.books().reconcileInterval(), "books reconciliation", () -> books.reconcile());
        every(properties.margin().checkInterval(), "margin watch", margin::check);
        every(properties.margin().checkInterval(), "drawdown guard", drawdown::check);
        scheduleDailySummary();
    }

    public boolean active() {
        return active.get();
    }

    /**
     * The application is stopping. A lease lost from here on is the stop's own doing (the database may be stopping
     * with it, as a local desk's does on Ctrl-C), not an incident to page anyone about; and a passive instance no
     * longer takes the lease over.
     */
    public void shuttingDown() {
        shuttingDown = true;
    }

    private void checkLease() {
        if (active.get()) {
            if (!lease.held()) {
                active.set(false);
                intake.stop();
                readiness.accept(false);
                if (shuttingDown) {
                    log.warn("Trading lease gone while shutting down: signal consumption stopped");
                    return;
                }
                log.error("Trading lease lost: signal consumption stopped");
                alerts.raise(Severity.CRITICAL, "TRADING_LEASE_LOST", "Execution lost its trading lease; trading stopped on this instance.", "trading-lease");
            }
            return;
        }
        if (shuttingDown) {
            return;
        }
        if (!lease.tryAcquire()) {
            log.debug("Trading lease held elsewhere: staying passive");
            return;
        }
        log.info("Trading lease acquired: restoring kill switch, checking the account and reconciling before trading");
        killSwitch.restore();
        // Before reconciliation too: a repair order to an account the desk cannot trade would only be refused.
        if (!accountSetup.check()) {
            log.warn("Account not tradable (or not readable): no signal is traded until a check passes");
        }
        List<String> mismatches = reconciler.reconcile();
        if (!mismatches.isEmpty()) {
            log.warn("Start-up reconciliation found {} mismatches; trading held until resolved", mismatches.size());
        }
        // The first signal finds the balances already read (if this read fails, it reads them itself).
        account.refresh(AccountBook.Trigger.STARTUP);
        active.set(true);
        intake.start();
        readiness.accept(true);
    }

    private void every(Duration period, String name, Runnable job) {
        scheduler.scheduleWithFixedDelay(guard(name, () -> {
            if (active.get()) {
                job.run();
            }
        }), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleDailySummary() {
        scheduler.schedule(guard("daily summary", () -> {
            try {
                if (active.get()) {
                    log.info("Daily summary: {}", dailySummary.send());
                }
            } finally {
                scheduleDailySummary();
            }
        }), Math.max(1000, dailySummary.untilNext().toMillis()), TimeUnit.MILLISECONDS);
    }

    /** A failing job logs and tries again next period: a scheduled task that throws would never run again. */
    private static Runnable guard(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("{} failed: {}", name, e.toString(), e);
            }
        };
    }

    @Override
    public void close() {
        intake.stop();
        scheduler.shutdownNow();
        lease.release();
    }
}
