package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.Severity;
import com.novaquant.ingestion.application.FeedAlerts;
import com.novaquant.support.AlertPublisher;

/** Feed alerts on {@code nova.alerts} through the shared alert publisher (source = this service). */
public final class KafkaFeedAlerts implements FeedAlerts {

    private final AlertPublisher publisher;

    public KafkaFeedAlerts(AlertPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void raise(Severity severity, String code, String text, String dedupKey) {
        publisher.raise(severity, code, text, dedupKey);
    }
}
