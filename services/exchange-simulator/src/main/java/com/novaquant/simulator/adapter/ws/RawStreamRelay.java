package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.RawFrameRelay;
import com.novaquant.simulator.domain.market.Venue;

/**
 * Relays recorded or live raw payloads to subscribers: futures mark-price streams go to /market,
 * every other futures stream to /public, spot streams to the spot channel.
 */
public final class RawStreamRelay implements RawFrameRelay {

    private final StreamHub hub;

    public RawStreamRelay(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void relay(Venue venue, String stream, String rawPayload) {
        String name = StreamNames.normalise(stream);
        StreamChannel channel = venue == Venue.SPOT ? StreamChannel.SPOT
                : name.contains("@markPrice") ? StreamChannel.FUTURES_MARKET : StreamChannel.FUTURES_PUBLIC;
        hub.publish(channel, name, rawPayload);
    }
}
