package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;

import java.util.List;

/** One market-data connection and the streams it carries. */
public record FeedConnection(String name, Venue venue, List<FeedStream> streams) {

    public FeedConnection {
        streams = List.copyOf(streams);
    }
}
