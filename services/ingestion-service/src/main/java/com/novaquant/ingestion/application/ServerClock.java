package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ClockOffset;

import java.util.concurrent.CompletableFuture;

/** Measures the exchange's clock against ours (server-time endpoints). */
public interface ServerClock {

    CompletableFuture<ClockOffset> measure(Venue venue);
}
