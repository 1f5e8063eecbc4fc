package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.signal.application.UniverseSink;

import java.util.concurrent.CompletableFuture;
import com.novaquant.support.EventPublisher;

/**
 * Publishes the traded universe on the compacted {@code nova.universe}, key {@value UniverseSelection#KEY}, through
 * the same {@link EventPublisher} as signals, so it is sealed with the same keys. A failed send is counted and logged
 * there ({@code nova_kafka_send_errors_total}) and sent again by the universe service.
 */
public class KafkaUniverseSink implements UniverseSink {

    private final EventPublisher publisher;

    public KafkaUniverseSink(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public CompletableFuture<?> publish(UniverseSelection selection) {
        return publisher.publish(Topics.UNIVERSE, selection);
    }
}
