package com.novaquant.ingestion.application.scan;

import com.novaquant.events.Venue;

import java.time.Duration;

/**
 * What the scan costs in Binance request weight at its interval, checked once at start-up: a scan interval that
 * would spend more than the allowed share of a venue's per-minute limit (or of fundingInfo's own 5-minute bucket) is
 * refused, so the scan can never crowd out the trading services that share the IP's weight.
 */
public final class ScanWeightBudget {

    private ScanWeightBudget() {
    }

    /** Scans that can start within one window: a scan at the window's start counts. */
    static long scansPer(Duration window, Duration interval) {
        return (window.toMillis() + interval.toMillis() - 1) / interval.toMillis();
    }

    public static long weightPerMinute(Venue venue, Duration interval) {
        return ScanEndpoint.scanWeight(venue) * scansPer(Duration.ofMinutes(1), interval);
    }

    /** @throws IllegalStateException naming the venue, the figures and the way out */
    public static void check(MarketScanSettings settings) {
        check(Venue.SPOT, settings.spotWeightLimit(), settings);
        check(Venue.USDM, settings.futuresWeightLimit(), settings);
        long fundingInfoCalls = scansPer(Duration.ofMinutes(5), settings.interval());
        double allowed = ScanEndpoint.FUNDING_INFO_REQUESTS_PER_5_MINUTES * settings.maxWeightShare();
        if (fundingInfoCalls > allowed) {
            throw new IllegalStateException(String.format(
                    "nova.universe.scan-interval %s reads fundingInfo %d times in 5 minutes, over %.0f%% of Binance's "
                            + "%d (%.0f): lengthen the interval", settings.interval(), fundingInfoCalls,
                    settings.maxWeightShare() * 100, ScanEndpoint.FUNDING_INFO_REQUESTS_PER_5_MINUTES, allowed));
        }
    }

    private static void check(Venue venue, int limit, MarketScanSettings settings) {
        long perMinute = weightPerMinute(venue, settings.interval());
        double allowed = limit * settings.maxWeightShare();
        if (perMinute > allowed) {
            throw new IllegalStateException(String.format(
                    "nova.universe.scan-interval %s makes the market scan spend %d request weight a minute on %s, over "
                            + "%.0f%% of its limit of %d (%.0f): lengthen the interval or raise nova.universe.max-weight-share",
                    settings.interval(), perMinute, venue, settings.maxWeightShare() * 100, limit, allowed));
        }
    }
}
