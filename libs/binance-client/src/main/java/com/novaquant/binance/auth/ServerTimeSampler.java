package com.novaquant.binance.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Takes a few server-time readings and keeps the one with the shortest round trip: its error is at most half of it,
 * and one slow reading (a cold connection, a GC, a busy host) can be off by hundreds of milliseconds. Readings are
 * taken one after another, each once the previous has answered or failed, so that they do not slow each other down.
 * Whether the best is precise enough to be used is the caller's decision.
 */
public final class ServerTimeSampler {

    private ServerTimeSampler() {
    }

    /**
     * The best of {@code samples} readings, each from {@code readOne}; a reading that fails (or whose supplier throws)
     * is passed over. Completes exceptionally with the last failure when none answered. Cancelling the returned future
     * stops the readings not yet started.
     */
    public static CompletableFuture<BestReading> bestOf(int samples,
                                                        Supplier<CompletableFuture<ServerTimeReading>> readOne) {
        if (samples < 1) {
            throw new IllegalArgumentException("server-time samples must be at least 1, was " + samples);
        }
        CompletableFuture<BestReading> result = new CompletableFuture<>();
        new Sampling(samples, readOne, result).next();
        return result;
    }

    /** One run of readings; its state is touched by one reading's completion at a time. */
    private static final class Sampling {

        private final Supplier<CompletableFuture<ServerTimeReading>> readOne;
        private final CompletableFuture<BestReading> result;
        private final List<Long> roundTrips = new ArrayList<>();
        private int remaining;
        private ServerTimeReading best;
        private Throwable failure;

        Sampling(int samples, Supplier<CompletableFuture<ServerTimeReading>> readOne,
                 CompletableFuture<BestReading> result) {
            this.remaining = samples;
            this.readOne = readOne;
            this.result = result;
        }

        void next() {
            if (result.isDone()) {
                return;
            }
            if (remaining == 0) {
                if (best != null) {
                    result.complete(new BestReading(best, roundTrips));
                } else {
                    result.completeExceptionally(failure);
                }
                return;
            }
            remaining--;
            CompletableFuture<ServerTimeReading> reading;
            try {
                reading = Objects.requireNonNull(readOne.get(), "no server-time reading was started");
            } catch (RuntimeException e) {
                reading = CompletableFuture.failedFuture(e);
            }
            reading.whenComplete(this::take);
        }

        private void take(ServerTimeReading reading, Throwable error) {
            if (error != null) {
                failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            } else if (reading == null) {
                failure = new IllegalStateException("a server-time reading completed without a reading");
            } else {
                roundTrips.add(reading.roundTripMs());
                if (best == null || reading.roundTripMs() < best.roundTripMs()) {
                    best = reading;
                }
            }
            next();
        }
    }
}
