package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ClockOffset;

/**
 * The latest clock offset per venue, read on every frame that carries an exchange time. Until a measurement
 * succeeds the offset is 0 (local clock trusted, as NTP-synced hosts usually are within a few ms).
 */
public final class ClockOffsets {

    private volatile ClockOffset spot = new ClockOffset(0, 0);
    private volatile ClockOffset usdm = new ClockOffset(0, 0);

    public ClockOffset get(Venue venue) {
        return venue == Venue.SPOT ? spot : usdm;
    }

    public void set(Venue venue, ClockOffset offset) {
        if (venue == Venue.SPOT) {
            spot = offset;
        } else {
            usdm = offset;
        }
    }
}
