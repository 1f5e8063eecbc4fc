package com.novaquant.simulator.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The synthetic market's quote rate (book updates per second per symbol and venue), readable and changeable while
 * the simulator runs, so that a load test can step the rate up in one simulator process. Only the synthetic source
 * has a rate: replay and live frames come at the pace they were recorded or are received.
 *
 * <p>The rate is kept here from the start, and handed to the pump once the market source has started it
 * ({@link #attach}); a change made before that is the rate the pump starts at.
 */
public final class SyntheticQuoteRate {

    /** The highest rate the admin API accepts: far above what one simulator can publish. */
    public static final double MAX_PER_SECOND = 200_000;

    private static final Logger log = LoggerFactory.getLogger(SyntheticQuoteRate.class);

    private final String source;
    private double perSecond;
    private SyntheticMarketPump pump;

    /**
     * @param source    the configured market source ({@code synthetic}, {@code replay} or {@code live})
     * @param perSecond the configured quote rate
     */
    public SyntheticQuoteRate(String source, double perSecond) {
        this.source = source.toLowerCase(Locale.ROOT);
        this.perSecond = perSecond;
    }

    /** The market source this simulator runs. */
    public String source() {
        return source;
    }

    /** True when the source is {@code synthetic}, the only one with a quote rate. */
    public boolean applies() {
        return "synthetic".equals(source);
    }

    /** The current rate. */
    public synchronized double perSecond() {
        return pump != null ? pump.rate() : perSecond;
    }

    /**
     * Sets the rate; the running pump paces itself at it from now on.
     *
     * @return the rate before the change
     * @throws IllegalStateException    when the source is not {@code synthetic}
     * @throws IllegalArgumentException unless the rate is above 0 and at most {@link #MAX_PER_SECOND}
     */
    public synchronized double change(double newPerSecond) {
        if (!applies()) {
            throw new IllegalStateException("the quote rate belongs to the synthetic market source; this simulator runs the '"
                    + source + "' source");
        }
        if (!(newPerSecond > 0) || !(newPerSecond <= MAX_PER_SECOND)) {
            throw new IllegalArgumentException("the quote rate must be above 0 and at most " + (long) MAX_PER_SECOND
                    + " per second, was " + newPerSecond);
        }
        double previous = perSecond();
        perSecond = newPerSecond;
        if (pump != null) {
            pump.setRate(newPerSecond);
        }
        log.info("synthetic quote rate changed from {}/s to {}/s per symbol and venue", previous, newPerSecond);
        return previous;
    }

    /** The pump the synthetic source started: from now on it runs at this rate. */
    public synchronized void attach(SyntheticMarketPump started) {
        started.setRate(perSecond);
        pump = started;
    }

    /** The pump has stopped. */
    public synchronized void detach() {
        if (pump != null) {
            perSecond = pump.rate();
            pump = null;
        }
    }
}
