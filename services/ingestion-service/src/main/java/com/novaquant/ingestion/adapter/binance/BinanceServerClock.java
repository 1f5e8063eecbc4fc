package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.ServerClock;
import com.novaquant.ingestion.domain.ClockOffset;

import java.util.concurrent.CompletableFuture;

/**
 * Binance server time through binance-client ({@code GET <spot rest-url>/api/v3/time}, {@code GET <futures
 * rest-url>/fapi/v1/time}, weight 1): one reading per measurement, timed from the request's write to the answer's
 * head, so that a cold connection's set-up is not counted in the round trip. Non-blocking.
 */
public final class BinanceServerClock implements ServerClock {

    private final BinanceRestClient client;

    public BinanceServerClock(BinanceRestClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<ClockOffset> measure(Venue venue) {
        return (venue == Venue.SPOT ? client.spot() : client.futures()).readServerTime()
                .thenApply(reading -> new ClockOffset(reading.offsetMs(), reading.roundTripMs()));
    }
}
