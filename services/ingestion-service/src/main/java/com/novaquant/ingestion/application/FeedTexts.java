package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.SymbolGate;

import java.time.Duration;
import java.util.List;

/** The words of the feed watchdog's alerts and gate reasons: what a human reads on the alert channel. */
final class FeedTexts {

    private FeedTexts() {
    }

    static String feedLag(long thresholdMillis) {
        return "WebSocket lag detected (>" + thresholdMillis + "ms). Initiating reconnection.";
    }

    static String feedStale(Duration staleAfter, String connection, boolean reconnecting) {
        return "WebSocket feed stale (no data for >" + staleAfter.toMillis() + "ms on " + connection + ")."
                + (reconnecting ? " Initiating reconnection." : " Reconnecting.");
    }

    static String reconnectStorm(String connection, int threshold, Duration window, Duration healAfter) {
        return "Reconnect storm: " + threshold + " reconnects within " + human(window) + " on " + connection
                + ". Its symbols are gated until the connection has been healthy for " + human(healAfter) + ".";
    }

    static String lagging(Venue venue, long thresholdMillis, Duration window, String connection) {
        return venueName(venue) + " frames lagging >" + thresholdMillis + "ms for " + human(window) + " on " + connection;
    }

    /** The silent streams of one connection (at least one), in plan order. */
    static String silent(List<FeedStream> streams, Duration staleAfter, String connection) {
        List<String> names = streams.stream().map(FeedStream::name).toList();
        String listed = names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        return venueName(streams.getFirst().venue()) + (names.size() == 1 ? " stream " : " streams ") + listed
                + " silent for " + human(staleAfter) + " on " + connection;
    }

    static String down(Venue venue, String connection, Duration grace) {
        return venueName(venue) + " connection " + connection + " down for over " + human(grace);
    }

    static String storm(String connection, int threshold, Duration window) {
        return "reconnect storm on " + connection + ": " + threshold + " reconnects within " + human(window);
    }

    /** The reason of a lifted gate. */
    static String healthyFor(Duration healAfter) {
        return "feeds healthy for " + human(healAfter);
    }

    static String gated(List<String> symbols, String why, Duration healAfter) {
        return String.join(", ", symbols) + " GATED: " + why + ". No new decisions on "
                + (symbols.size() == 1 ? "this symbol" : "these symbols") + "; lifts by itself after the feeds are healthy for "
                + human(healAfter) + ".";
    }

    static String lifted(List<String> symbols, Duration healAfter, String after) {
        return String.join(", ", symbols) + " trading resumed: " + healthyFor(healAfter) + " after "
                + (SymbolGate.STARTING.equals(after) ? "start-up" : after);
    }

    static String gatedLong(List<String> symbols, Duration escalateAfter, String why) {
        return String.join(", ", symbols) + " gated for over " + human(escalateAfter) + ": " + why
                + ". The feeds have not recovered by themselves; look at the venue and the network.";
    }

    static String venueName(Venue venue) {
        return venue == Venue.USDM ? "USD-M" : "spot";
    }

    /** 250ms, 2s, 60s, 90s, 15m, 2h: durations as one writes them in the configuration. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds >= 7200 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
