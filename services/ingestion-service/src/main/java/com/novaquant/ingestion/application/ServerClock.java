package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ClockOffset;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Measures the exchange's clock against ours (server-time endpoints). */
public interface ServerClock {

    /**
     * The best of {@code samples} measurements taken one after another, each given up after {@code timeout}: the one
     * with the shortest round trip. Completes exceptionally with the last failure when none answered; cancelling it
     * stops the measurements not yet started.
     */
    CompletableFuture<ClockOffset> bestOf(Venue venue, int samples, Duration timeout);
}
