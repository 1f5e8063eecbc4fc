package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.auth.BestReading;
import com.novaquant.binance.auth.ServerTimeReading;
import com.novaquant.binance.auth.ServerTimeSampler;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.binance.rest.OrderApi;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.ServerClock;
import com.novaquant.ingestion.domain.ClockOffset;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Binance server time through binance-client ({@code GET <spot rest-url>/api/v3/time}, {@code GET <futures
 * rest-url>/fapi/v1/time}, weight 1): readings timed from the request's write to the answer's head, so that a cold
 * connection's set-up is not counted in the round trip, and the best of them chosen as binance-client chooses its
 * own. Non-blocking.
 */
public final class BinanceServerClock implements ServerClock {

    private final BinanceRestClient client;

    public BinanceServerClock(BinanceRestClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<ClockOffset> bestOf(Venue venue, int samples, Duration timeout) {
        OrderApi api = venue == Venue.SPOT ? client.spot() : client.futures();
        CompletableFuture<BestReading> sampling = ServerTimeSampler.bestOf(samples,
                () -> api.readServerTime().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        CompletableFuture<ClockOffset> best = sampling.thenApply(sampled -> {
            ServerTimeReading reading = sampled.reading();
            return new ClockOffset(reading.offsetMs(), reading.roundTripMs());
        });
        // A caller cancelling the offset (a sync interrupted at shutdown) stops the readings not yet sent; once the
        // sampling is done, this does nothing.
        best.whenComplete((offset, error) -> sampling.cancel(false));
        return best;
    }
}
