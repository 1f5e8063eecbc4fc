package com.novaquant.ingestion.application;

import com.novaquant.events.UniverseSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Keeps the subscribed symbols equal to the configured ones ({@code nova.symbols}) plus the traded universe's
 * {@code tracked} symbols, as each {@link UniverseSelection} arrives (the newest wins). A new symbol gets its feed
 * gate (closed, "feeds starting") before its streams are subscribed; a removed one is forgotten after its streams are
 * unsubscribed, so it is never reported as silent or gated. A universe that names a symbol that is not one, or more
 * symbols than the feeds have room for, is refused whole, logged and counted: the subscriptions stay as they were.
 */
public final class UniverseSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(UniverseSubscriptions.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,32}");

    private final Set<String> configured;
    private final MarketDataSubscriptions feeds;
    private final FeedWatchdog watchdog;
    private final IngestionMetrics metrics;
    private final FundingIntervalRefresh fundingIntervals;
    private final int maxSymbols;
    private Set<String> current;
    private long revision;

    /** @param maxSymbols the most symbols the feeds are sized for */
    public UniverseSubscriptions(Collection<String> configured, MarketDataSubscriptions feeds, FeedWatchdog watchdog,
                                 IngestionMetrics metrics, FundingIntervalRefresh fundingIntervals, int maxSymbols) {
        this.fundingIntervals = fundingIntervals;
        this.configured = normalise(configured);
        this.feeds = feeds;
        this.watchdog = watchdog;
        this.metrics = metrics;
        this.maxSymbols = maxSymbols;
        this.current = Set.copyOf(this.configured);
    }

    /** The symbols subscribed now. */
    public synchronized Set<String> symbols() {
        return current;
    }

    public synchronized void onUniverse(UniverseSelection universe) {
        Set<String> wanted = new TreeSet<>(configured);
        Set<String> tracked = normalise(universe.tracked());
        for (String symbol : tracked) {
            if (!SYMBOL.matcher(symbol).matches()) {
                refuse(universe, "'" + symbol + "' is not a symbol");
                return;
            }
        }
        wanted.addAll(tracked);
        if (wanted.size() > maxSymbols) {
            refuse(universe, wanted.size() + " symbols, room for " + maxSymbols);
            return;
        }
        if (universe.revision() < revision) {
            log.warn("universe revision {} follows revision {}: applied all the same, the newest record wins",
                    universe.revision(), revision);
        }
        revision = universe.revision();
        Set<String> added = new TreeSet<>(wanted);
        added.removeAll(current);
        Set<String> removed = new TreeSet<>(current);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            log.info("universe revision {}: subscriptions unchanged ({} symbols)", universe.revision(), wanted.size());
            return;
        }
        if (!added.isEmpty()) {
            watchdog.symbolsAdded(added);
        }
        feeds.follow(Set.copyOf(wanted));
        if (!removed.isEmpty()) {
            watchdog.symbolsRemoved(removed);
        }
        current = Set.copyOf(wanted);
        if (!added.isEmpty()) {
            fundingIntervals.track(current);
        }
        metrics.subscriptionsChanged(current.size(), added.size(), removed.size());
        log.info("universe revision {}: subscribing {}, unsubscribing {}; {} symbols now", universe.revision(), added,
                removed, current.size());
    }

    private void refuse(UniverseSelection universe, String why) {
        metrics.universeRefused();
        log.error("universe revision {} refused ({}); subscriptions unchanged", universe.revision(), why);
    }

    private static Set<String> normalise(Collection<String> symbols) {
        Set<String> normalised = new TreeSet<>();
        symbols.forEach(symbol -> normalised.add(symbol.trim().toUpperCase(Locale.ROOT)));
        return normalised;
    }
}
