package com.novaquant.support;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;

import java.util.concurrent.CompletableFuture;

/** Raises alerts on {@code nova.alerts} with this service as the source. */
public class AlertPublisher {

    private final EventPublisher publisher;
    private final String source;

    public AlertPublisher(EventPublisher publisher, String source) {
        this.publisher = publisher;
        this.source = source;
    }

    public CompletableFuture<?> raise(Severity severity, String code, String text, String dedupKey) {
        return publisher.publish(Topics.ALERTS, Alert.of(severity, source, code, text, dedupKey));
    }

    public String source() {
        return source;
    }
}
