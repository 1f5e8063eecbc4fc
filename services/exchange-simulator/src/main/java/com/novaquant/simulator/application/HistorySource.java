package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.source.HistoryBooks;
import com.novaquant.simulator.domain.source.HistoryMinute;
import com.novaquant.simulator.domain.source.RecordedFundings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays Binance's recorded history (see {@link SymbolTape}) on one thread, at the plan's speed. Market time is
 * history time: on start the simulation clock is set to the first minute's close and runs at the history speed, so
 * the funding clock, {@code /admin/clock/advance} and every next-funding time read history time, mapped to wall time
 * by the same clock. Wall time still stamps what clients see and checks their requests. The thread plays whatever the
 * clock has reached, then sleeps until the next event is due.
 */
public final class HistorySource implements AutoCloseable, SymbolTape.Stage {

    private static final Logger log = LoggerFactory.getLogger(HistorySource.class);
    /** The longest sleep, so that a clock advance is played soon after it is made. */
    private static final long MAX_PAUSE_MS = 100;

    private final HistoryPlan plan;
    private final List<SymbolTape> tapes;
    private final List<String> unplayed;
    private final SimulationClock clock;
    private final RestingOrderFills restingOrders;
    private final MarketListener listener;
    private final FundingClock fundingClock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startMs;
    private volatile long lapOffsetMs;
    private volatile int lap = 1;
    private volatile long finishedAtMs = Long.MIN_VALUE;

    /**
     * The source of {@code plan}'s symbols read from {@code mirror}; the other listed symbols keep an empty market and
     * no funding.
     */
    public static HistorySource create(HistoryPlan plan, HistoryMirror mirror, Markets markets, HistoryBooks books,
                                       SimulationClock clock, RestingOrderFills restingOrders, MarketListener listener,
                                       FundingClock fundingClock) {
        List<SymbolTape> tapes = new ArrayList<>();
        for (String symbol : plan.symbols()) {
            SymbolMarket market = markets.find(symbol).orElseThrow(() -> new IllegalArgumentException(symbol + " is not listed"));
            tapes.add(new SymbolTape(market,
                    new MinuteTape(month -> mirror.minutes(Venue.SPOT, symbol, month), plan.from(), plan.to()),
                    new MinuteTape(month -> mirror.minutes(Venue.USDM, symbol, month), plan.from(), plan.to()),
                    // The month before the range too: its last funding is the rate already settled when play begins.
                    new RecordedFundings(mirror.fundings(symbol, plan.from().minusMonths(1), plan.to())), books));
        }
        List<String> unplayed = markets.instruments().stream().map(Instrument::symbol)
                .filter(symbol -> !plan.symbols().contains(symbol)).toList();
        return new HistorySource(plan, tapes, unplayed, clock, restingOrders, listener, fundingClock);
    }

    HistorySource(HistoryPlan plan, List<SymbolTape> tapes, List<String> unplayed, SimulationClock clock,
                  RestingOrderFills restingOrders, MarketListener listener, FundingClock fundingClock) {
        this.plan = plan;
        this.tapes = List.copyOf(tapes);
        this.unplayed = List.copyOf(unplayed);
        this.clock = clock;
        this.restingOrders = restingOrders;
        this.listener = listener;
        this.fundingClock = fundingClock;
        this.thread = Thread.ofPlatform().name("history-source").daemon().unstarted(this::run);
    }

    /** Sets the clock to the first close and plays it synchronously (books exist before the first request), then runs. */
    public void start() {
        long first = tapes.stream().mapToLong(SymbolTape::nextCloseMs).min().orElse(Long.MAX_VALUE);
        if (first == Long.MAX_VALUE) {
            throw new IllegalStateException("the history mirror " + plan.dir() + " holds no 1-minute kline of "
                    + plan.symbols() + " from " + plan.from() + " to " + plan.to());
        }
        startMs = first;
        clock.startMarketAt(first);
        unplayed.forEach(symbol -> fundingClock.followSource(symbol, FundingClock.NO_SETTLEMENT));
        tapes.forEach(tape -> tape.startAt(first, this));
        playUpTo(first);
        log.info("history source playing {} from {} (months {} to {} of {}) at {} history minutes per wall second;"
                        + " at the end it {}", plan.symbols(), Instant.ofEpochMilli(first), plan.from(), plan.to(),
                plan.dir(), plan.speed(), plan.loop() ? "starts again" : "stays at the last minute");
        thread.start();
    }

    public HistoryStatus status() {
        long finishedAt = finishedAtMs;
        long market = clock.marketMillis();
        long wall = clock.wallMillis();
        long offset = lapOffsetMs;
        long history = finishedAt != Long.MIN_VALUE ? finishedAt : market - offset;
        long minutes = (history + offset - startMs) / HistoryMinute.LENGTH_MS;
        return new HistoryStatus(plan, startMs, history, wall, minutes, lap, finishedAt != Long.MIN_VALUE);
    }

    private void run() {
        try {
            while (running) {
                long next = playUpTo(clock.marketMillis());
                if (next == Long.MAX_VALUE) {
                    return;
                }
                long waitMs = clock.wallMillisAt(next) - clock.wallMillis();
                if (waitMs > 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(waitMs, MAX_PAUSE_MS)));
                }
            }
        } catch (RuntimeException e) {
            log.error("history source stopped at {}; the market stays at its last state",
                    Instant.ofEpochMilli(status().historyTimeMs()), e);
        }
    }

    /** Plays every event up to market time {@code marketNow}; returns when the next is due (Long.MAX_VALUE: never). */
    private long playUpTo(long marketNow) {
        if (finishedAtMs != Long.MIN_VALUE) {
            return Long.MAX_VALUE;
        }
        while (true) {
            long historyNow = marketNow - lapOffsetMs;
            long next = Long.MAX_VALUE;
            for (SymbolTape tape : tapes) {
                next = Math.min(next, tape.playTo(historyNow, this));
            }
            if (next != Long.MAX_VALUE) {
                return next + lapOffsetMs;
            }
            long lastClose = tapes.stream().mapToLong(SymbolTape::lastCloseMs).max().orElse(startMs);
            if (!plan.loop()) {
                finishedAtMs = lastClose;
                log.info("history source reached the end of its files at {} after {} history minutes; the market"
                        + " stays at its last state", Instant.ofEpochMilli(lastClose), status().minutesPlayed());
                return Long.MAX_VALUE;
            }
            // The next lap's first close follows the last close by a minute, as if the range went on.
            long nextLapStart = lastClose + HistoryMinute.LENGTH_MS;
            if (historyNow < nextLapStart) {
                return nextLapStart + lapOffsetMs;
            }
            lapOffsetMs += nextLapStart - startMs;
            lap++;
            log.info("history source reached the end of its files at {}; lap {} starts again from {}",
                    Instant.ofEpochMilli(lastClose), lap, Instant.ofEpochMilli(startMs));
            tapes.forEach(tape -> tape.rewind(startMs, this));
        }
    }

    @Override
    public long wallTimeOf(long historyMs) {
        // Never ahead of the wall: the clock's rounding must not stamp an event in the future.
        return Math.min(clock.wallMillis(), clock.wallMillisAt(historyMs + lapOffsetMs));
    }

    @Override
    public void bookChanged(SymbolMarket market, Venue venue) {
        restingOrders.onBook(market.instrument().symbol(), venue);
        listener.bookChanged(market, venue);
    }

    @Override
    public void fundingSettled(SymbolMarket market, long nextHistoryMs) {
        fundingClock.settleFromSource(market.instrument().symbol(), marketTime(nextHistoryMs));
    }

    @Override
    public void fundingScheduled(SymbolMarket market, long nextHistoryMs) {
        fundingClock.followSource(market.instrument().symbol(), marketTime(nextHistoryMs));
    }

    private long marketTime(long historyMs) {
        return historyMs == 0 ? FundingClock.NO_SETTLEMENT : historyMs + lapOffsetMs;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
