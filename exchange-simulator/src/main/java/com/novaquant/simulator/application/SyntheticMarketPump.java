package com.novaquant.simulator.application;

import com.novaquant.simulator.clock.SimulationClock;
import com.novaquant.simulator.market.Markets;
import com.novaquant.simulator.market.SymbolMarket;
import com.novaquant.simulator.market.Venue;
import com.novaquant.simulator.source.SyntheticMarket;
import com.novaquant.simulator.source.SyntheticTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the synthetic market on one dedicated thread at the configured quote rate: each step
 * advances every symbol by one tick, publishes the new books and prices, lets resting orders fill,
 * and tells the streams. The thread paces itself against the wall clock (ticks due = rate × elapsed),
 * so a slow moment is caught up rather than lost, and rates of thousands per second need no timers.
 */
public final class SyntheticMarketPump implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyntheticMarketPump.class);

    private final SyntheticMarket generator;
    private final List<SymbolMarket> markets;
    private final Exchange exchange;
    private final MarketListener listener;
    private final SimulationClock clock;
    private final double ratePerSecond;
    private final Thread thread;
    private volatile boolean running = true;

    public SyntheticMarketPump(SyntheticMarket generator, Markets markets, Exchange exchange, MarketListener listener,
                               SimulationClock clock, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("quote rate must be positive");
        }
        this.generator = generator;
        this.markets = new ArrayList<>(markets.all());
        this.exchange = exchange;
        this.listener = listener;
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
        this.thread = Thread.ofPlatform().name("synthetic-market").daemon().unstarted(this::run);
    }

    /** Produces the first tick synchronously (so books exist before the first request), then starts the thread. */
    public void start() {
        step();
        thread.start();
    }

    /** Advances every symbol by one tick and publishes it. */
    public void step() {
        long wall = clock.wallMillis();
        long marketElapsed = clock.marketElapsedMillis();
        for (int i = 0; i < markets.size(); i++) {
            SyntheticTick tick = generator.next(i, wall, marketElapsed);
            SymbolMarket market = markets.get(i);
            market.updateBook(Venue.SPOT, tick.spot());
            market.updateBook(Venue.USDM, tick.futures());
            market.updatePrices(tick.markPrice(), tick.markPriceAverage(), tick.indexPrice());
            market.updateSourceFundingRate(tick.fundingRate());
            exchange.onBook(market.instrument().symbol(), Venue.SPOT);
            exchange.onBook(market.instrument().symbol(), Venue.USDM);
            listener.bookChanged(market, Venue.SPOT);
            listener.bookChanged(market, Venue.USDM);
        }
    }

    private void run() {
        long start = System.nanoTime();
        long done = 0;
        long pauseNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(1), (long) (1e9 / ratePerSecond));
        while (running) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * ratePerSecond);
            // Never burst more than a second's worth after a stall: the market moves on, it does not replay.
            if (due - done > ratePerSecond) {
                done = due - (long) ratePerSecond;
            }
            try {
                while (done < due && running) {
                    step();
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("synthetic market step failed; continuing", e);
            }
            LockSupport.parkNanos(pauseNanos);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
