package com.novaquant.alert.application;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.Delivery;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.events.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Every meter the sentinel exposes (documented in the module README). */
public final class SentinelMetrics {

    private final MeterRegistry registry;
    private final Map<Severity, Counter> received = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> sent = new EnumMap<>(Severity.class);
    private final Map<Severity, Timer> latency = new EnumMap<>(Severity.class);
    private final Counter escalations;
    private final Counter acknowledged;

    public SentinelMetrics(MeterRegistry registry, AlertDesk desk) {
        this.registry = registry;
        for (Severity severity : Severity.values()) {
            String tag = tag(severity);
            received.put(severity, Counter.builder("nova.alert.received").tag("severity", tag)
                    .description("Alerts taken over from nova.alerts (stored in the outbox)").register(registry));
            sent.put(severity, Counter.builder("nova.alert.sent").tag("severity", tag)
                    .description("Alerts delivered for the first time to every chat").register(registry));
            latency.put(severity, Timer.builder("nova.alert.delivery.latency").tag("severity", tag)
                    .description("From the alert's atMs to its confirmed delivery")
                    .publishPercentileHistogram().register(registry));
            Gauge.builder("nova.alert.pending", desk, d -> d.pending(severity)).tag("severity", tag)
                    .description("Alerts stored and not delivered yet (INFO waits for the digest)").register(registry);
        }
        Gauge.builder("nova.alert.unacknowledged", desk, AlertDesk::unacknowledged)
                .description("Delivered CRITICALs escalating until /ack").register(registry);
        escalations = Counter.builder("nova.alert.escalations")
                .description("Reminder messages repeating unacknowledged CRITICALs").register(registry);
        acknowledged = Counter.builder("nova.alert.acknowledged")
                .description("CRITICAL alerts acknowledged with /ack").register(registry);
    }

    public void received(Severity severity) {
        received.get(severity).increment();
    }

    public void delivered(Delivery delivery, Collection<PendingAlert> firstDeliveries, Instant now) {
        registry.counter("nova.alert.messages", "kind", delivery.kind().name().toLowerCase(Locale.ROOT)).increment();
        if (delivery.kind() == Delivery.Kind.REMINDER) {
            escalations.increment();
        }
        for (PendingAlert alert : firstDeliveries) {
            sent.get(alert.severity()).increment();
            long atMs = alert.alert().atMs();
            if (atMs > 0 && atMs <= now.toEpochMilli()) {
                latency.get(alert.severity()).record(Duration.ofMillis(now.toEpochMilli() - atMs));
            }
        }
    }

    public void acknowledged(int count) {
        acknowledged.increment(count);
    }

    public void channelError(DeliveryResult.FailureKind kind) {
        registry.counter("nova.alert.telegram.errors", "kind", kind.tag()).increment();
    }

    /** A failure that has no retry (a chat that refuses the bot, a message Telegram rejects). */
    public void channelError(String kind) {
        registry.counter("nova.alert.telegram.errors", "kind", kind).increment();
    }

    public void command(String command, String outcome) {
        registry.counter("nova.alert.commands", "command", command, "outcome", outcome).increment();
    }

    public void reply(boolean ok) {
        registry.counter("nova.alert.messages", "kind", ok ? "reply" : "reply_failed").increment();
    }

    public void outboxError(String operation) {
        registry.counter("nova.alert.outbox.errors", "operation", operation).increment();
    }

    private static String tag(Severity severity) {
        return severity.name();
    }
}
