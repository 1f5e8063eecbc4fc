package com.novaquant.binance.auth;

import java.util.List;

/**
 * The outcome of a few server-time readings: the one to trust most, and how long every reading that answered took.
 *
 * @param reading      the reading with the shortest round trip (the first of equals)
 * @param roundTripsMs the round trip of each reading that answered, in the order they were taken
 */
public record BestReading(ServerTimeReading reading, List<Long> roundTripsMs) {

    public BestReading {
        roundTripsMs = List.copyOf(roundTripsMs);
    }
}
