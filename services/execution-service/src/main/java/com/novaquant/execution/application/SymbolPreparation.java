package com.novaquant.execution.application;

import com.novaquant.events.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Makes each tracked symbol tradable before its first order: its exchange filters readable on both venues (the
 * client keeps every symbol's filters from exchangeInfo and loads them again for a symbol listed since) and its
 * account settings made ({@link AccountSetup#prepare}: leverage and margin type). Until then a signal that would open
 * on it is refused ({@code SYMBOL_NOT_READY}); such a refusal starts the preparation again when an earlier one
 * failed, and so does the next universe record. Work runs off the caller's thread, one preparation per symbol at a
 * time.
 */
public class SymbolPreparation implements TrackedSymbolsListener {

    private static final Logger log = LoggerFactory.getLogger(SymbolPreparation.class);

    private final TradingVenue venue;
    private final AccountSetup accountSetup;
    private final Executor executor;
    private final Set<String> filtersLoaded = ConcurrentHashMap.newKeySet();
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();

    public SymbolPreparation(TradingVenue venue, AccountSetup accountSetup, Executor executor) {
        this.venue = venue;
        this.accountSetup = accountSetup;
        this.executor = executor;
    }

    /** Filters known on both venues and account settings made: an order on it may be sized and sent. */
    public boolean ready(String symbol) {
        return filtersLoaded.contains(symbol) && accountSetup.prepared(symbol);
    }

    @Override
    public void trackedChanged(Set<String> tracked) {
        tracked.forEach(this::prepareSoon);
    }

    /** Starts the symbol's preparation unless it is ready or one is under way. */
    public void prepareSoon(String symbol) {
        if (ready(symbol) || !underWay.add(symbol)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    prepare(symbol);
                } finally {
                    underWay.remove(symbol);
                }
            });
        } catch (RejectedExecutionException stopping) {
            underWay.remove(symbol);
        }
    }

    /** Loads the filters and makes the account settings now; true when the symbol is ready. */
    public boolean prepare(String symbol) {
        try {
            if (!filtersLoaded.contains(symbol)) {
                venue.filters(Venue.SPOT, symbol);
                venue.filters(Venue.USDM, symbol);
                filtersLoaded.add(symbol);
            }
            boolean prepared = accountSetup.prepare(symbol);
            if (prepared) {
                log.info("{} ready: filters loaded on both venues, leverage and margin type set", symbol);
            }
            return prepared;
        } catch (VenueUnavailableException e) {
            log.warn("{} not ready yet (tried again at its next signal or universe record): {}", symbol,
                    e.getMessage());
            return false;
        }
    }
}
