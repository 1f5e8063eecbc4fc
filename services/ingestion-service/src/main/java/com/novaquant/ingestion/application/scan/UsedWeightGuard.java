package com.novaquant.ingestion.application.scan;

import com.novaquant.events.Venue;

import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps each venue's used weight as its last answer reported it ({@code X-MBX-USED-WEIGHT-1M}) and says whether a
 * further call still fits under the threshold. Binance counts the weight per minute: a value read in an earlier
 * minute says nothing about this one. A call goes out only if the rest of the scan on its venue fits under the
 * threshold. Touched by the scan's own thread only.
 */
final class UsedWeightGuard {

    private record Reading(int usedWeight, long minute) {
    }

    private final Map<Venue, Integer> thresholds = new EnumMap<>(Venue.class);
    private final Map<Venue, Reading> readings = new EnumMap<>(Venue.class);
    private final Map<Venue, Long> pausedUntilMs = new EnumMap<>(Venue.class);

    UsedWeightGuard(MarketScanSettings settings) {
        thresholds.put(Venue.SPOT, (int) Math.floor(settings.spotWeightLimit() * settings.skipAboveUsedWeightShare()));
        thresholds.put(Venue.USDM, (int) Math.floor(settings.futuresWeightLimit() * settings.skipAboveUsedWeightShare()));
    }

    boolean allows(ScanEndpoint endpoint, long nowMs) {
        if (nowMs < pausedUntilMs.getOrDefault(endpoint.venue(), Long.MIN_VALUE)) {
            return false;
        }
        Reading reading = readings.get(endpoint.venue());
        if (reading == null || reading.minute() != nowMs / 60_000) {
            return true;
        }
        // The rest of the scan must fit, not just this call: going on only to stop half-way wastes what was spent.
        return reading.usedWeight() + endpoint.remainingWeight() <= thresholds.get(endpoint.venue());
    }

    /** @param usedWeight the header's value, or negative when the answer had none (nothing learnt) */
    void record(Venue venue, int usedWeight, long nowMs) {
        if (usedWeight >= 0) {
            readings.put(venue, new Reading(usedWeight, nowMs / 60_000));
        }
    }

    /** The venue answered 429 or 418 with a Retry-After: calling it again before then would earn a (longer) ban. */
    void pause(Venue venue, long untilMs) {
        pausedUntilMs.merge(venue, untilMs, Math::max);
    }

    boolean paused(Venue venue, long nowMs) {
        return nowMs < pausedUntilMs.getOrDefault(venue, Long.MIN_VALUE);
    }

    int usedWeight(Venue venue) {
        Reading reading = readings.get(venue);
        return reading == null ? -1 : reading.usedWeight();
    }

    int threshold(Venue venue) {
        return thresholds.get(venue);
    }
}
