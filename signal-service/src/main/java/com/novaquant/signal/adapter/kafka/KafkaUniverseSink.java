package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.signal.application.UniverseSink;
import com.novaquant.support.EventPublisher;

/**
 * Publishes the traded universe on the compacted {@code nova.universe}, key {@value UniverseSelection#KEY}, through
 * the same {@link EventPublisher} as signals, so it is sealed with the same keys. A failed send is counted and logged
 * there ({@code nova_kafka_send_errors_total}); the next change publishes the whole universe again.
 */
public class KafkaUniverseSink implements UniverseSink {

    private final EventPublisher publisher;

    public KafkaUniverseSink(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(UniverseSelection selection) {
        publisher.publish(Topics.UNIVERSE, selection);
    }
}
