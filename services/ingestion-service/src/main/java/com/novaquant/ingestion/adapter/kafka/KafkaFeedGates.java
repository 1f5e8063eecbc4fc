package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.FeedGate;
import com.novaquant.events.Topics;
import com.novaquant.ingestion.application.FeedGatePublisher;
import com.novaquant.support.EventPublisher;

import java.util.concurrent.CompletionStage;

/**
 * Feed gates on the compacted {@code nova.feed-gates} topic (key {@code feed-gate:<SYMBOL>}), which only ingestion may
 * write, through the shared, durable event publisher; a failed send is counted and logged there.
 */
public final class KafkaFeedGates implements FeedGatePublisher {

    private final EventPublisher publisher;

    public KafkaFeedGates(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public CompletionStage<?> publish(FeedGate gate) {
        return publisher.publish(Topics.FEED_GATES, gate);
    }
}
