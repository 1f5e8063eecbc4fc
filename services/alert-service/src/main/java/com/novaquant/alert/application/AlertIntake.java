package com.novaquant.alert.application;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.PendingAlert;

import java.time.Clock;
import java.util.List;

/**
 * Takes alerts over from Kafka: first into the outbox (durable), then onto the desk. When {@link #take} returns, the
 * consumer may commit the offsets; if it throws, it must not.
 */
public final class AlertIntake {

    private final AlertOutbox outbox;
    private final AlertDesk desk;
    private final SentinelMetrics metrics;
    private final DeliveryLoop loop;

    public AlertIntake(AlertOutbox outbox, AlertDesk desk, SentinelMetrics metrics, DeliveryLoop loop, Clock clock) {
        this.outbox = outbox;
        this.desk = desk;
        this.metrics = metrics;
        this.loop = loop;
        AlertOutbox.Recovered recovered = outbox.recover();
        recovered.pending().forEach(desk::accept);
        desk.restoreUnacknowledged(recovered.unacknowledged(), clock.instant());
    }

    public void take(List<IncomingAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        List<PendingAlert> stored;
        try {
            stored = outbox.append(alerts);
        } catch (RuntimeException e) {
            metrics.outboxError("append");
            throw e;
        }
        for (PendingAlert alert : stored) {
            desk.accept(alert);
            metrics.received(alert.severity());
        }
        loop.wake();
    }
}
