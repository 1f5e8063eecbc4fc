package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.source.SyntheticMarket;
import com.novaquant.simulator.domain.source.SyntheticTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the synthetic market on one dedicated thread at the quote rate: each step advances every
 * symbol by one tick, publishes the new books and prices, lets resting orders fill, and tells the
 * streams. The thread paces itself against the wall clock (ticks due = rate × elapsed), so a slow
 * moment is caught up rather than lost, and rates of thousands per second need no timers.
 *
 * <p>The rate can be changed while the pump runs ({@link #setRate}): the pacing then starts again
 * from the moment the thread sees the change, at the new rate, so the change neither bursts to catch
 * up the old schedule nor stalls to wait for it.
 */
public final class SyntheticMarketPump implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyntheticMarketPump.class);

    private final SyntheticMarket generator;
    private final List<SymbolMarket> markets;
    private final RestingOrderFills restingOrders;
    private final MarketListener listener;
    private final SimulationClock clock;
    private final Thread thread;
    private volatile double ratePerSecond;
    private volatile boolean running = true;

    public SyntheticMarketPump(SyntheticMarket generator, Markets markets, RestingOrderFills restingOrders, MarketListener listener,
                               SimulationClock clock, double ratePerSecond) {
        this.generator = generator;
        this.markets = new ArrayList<>(markets.all());
        this.restingOrders = restingOrders;
        this.listener = listener;
        this.clock = clock;
        this.ratePerSecond = validRate(ratePerSecond);
        this.thread = Thread.ofPlatform().name("synthetic-market").daemon().unstarted(this::run);
    }

    /** Produces the first tick synchronously (so books exist before the first request), then starts the thread. */
    public void start() {
        step();
        thread.start();
    }

    /** Steps per second (each step updates every symbol on both venues). */
    public double rate() {
        return ratePerSecond;
    }

    /**
     * Changes the rate while the pump runs: the next step is due one new period after the thread sees
     * the change (at once, it is woken), then the pacing continues at the new rate. Setting the
     * current rate changes nothing.
     *
     * @throws IllegalArgumentException unless {@code perSecond} is positive and finite
     */
    public void setRate(double perSecond) {
        ratePerSecond = validRate(perSecond);
        LockSupport.unpark(thread);
    }

    private static double validRate(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("quote rate must be positive and finite, was " + perSecond);
        }
        return perSecond;
    }

    /** Advances every symbol by one tick and publishes it. */
    public void step() {
        long wall = clock.wallMillis();
        long marketElapsed = clock.marketElapsedMillis();
        for (int i = 0; i < markets.size(); i++) {
            // Every symbol ticks, listed or not, so the others' sequences do not depend on listing changes.
            SyntheticTick tick = generator.next(i, wall, marketElapsed);
            SymbolMarket market = markets.get(i);
            if (market.trading(Venue.SPOT)) {
                publish(market, Venue.SPOT, tick.spot());
            }
            if (market.trading(Venue.USDM)) {
                market.updatePrices(tick.markPrice(), tick.markPriceAverage(), tick.indexPrice());
                market.updateSourceFundingRate(tick.fundingRate());
                publish(market, Venue.USDM, tick.futures());
            }
        }
    }

    private void publish(SymbolMarket market, Venue venue, com.novaquant.simulator.domain.market.Book book) {
        market.updateBook(venue, book);
        restingOrders.onBook(market.instrument().symbol(), venue);
        listener.bookChanged(market, venue);
    }

    private void run() {
        double rate = ratePerSecond;
        long start = System.nanoTime();
        long done = 0;
        long pauseNanos = pauseNanos(rate);
        while (running) {
            double wanted = ratePerSecond;
            if (wanted != rate) {
                // A new rate: its schedule starts now, nothing of the old one is owed or ahead.
                rate = wanted;
                start = System.nanoTime();
                done = 0;
                pauseNanos = pauseNanos(rate);
            }
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            // Never burst more than a second's worth after a stall: the market moves on, it does not replay.
            if (due - done > rate) {
                done = due - (long) rate;
            }
            try {
                while (done < due && running && ratePerSecond == rate) {
                    step();
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("synthetic market step failed; continuing", e);
            }
            LockSupport.parkNanos(pauseNanos);
        }
    }

    private static long pauseNanos(double rate) {
        return Math.min(TimeUnit.MILLISECONDS.toNanos(1), (long) (1e9 / rate));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
