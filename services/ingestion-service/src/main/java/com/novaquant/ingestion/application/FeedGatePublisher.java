package com.novaquant.ingestion.application;

import com.novaquant.events.FeedGate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes a symbol's {@link FeedGate} for signal-service and execution ({@code nova.feed-gates}). Asynchronous: the
 * stage fails when the broker did not take it. May block briefly: never call it on the event loop.
 */
public interface FeedGatePublisher {

    CompletionStage<?> publish(FeedGate gate);

    /** Publishes nothing (the gates are still kept, alerted and measured). */
    FeedGatePublisher NONE = gate -> CompletableFuture.completedFuture(null);
}
