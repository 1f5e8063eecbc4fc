package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Venue;

/** Delivers a recorded or relayed raw stream payload to the subscribers of {@code stream}. */
public interface RawFrameRelay {

    void relay(Venue venue, String stream, String rawPayload);
}
