package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.signal.application.SignalSink;
import com.novaquant.support.EventPublisher;

/**
 * Publishes signals on {@code nova.signals}, keyed by symbol. The send is asynchronous; a failure is counted and
 * logged by {@link EventPublisher} ({@code nova_kafka_send_errors_total}) and healed by the periodic re-publish of
 * the standing target.
 */
public class KafkaSignalSink implements SignalSink {

    private final EventPublisher publisher;

    public KafkaSignalSink(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(Signal signal) {
        publisher.publish(Topics.SIGNALS, signal);
    }
}
