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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every meter the sentinel exposes (documented in the module README). */
public final class SentinelMetrics {

    /** Outcomes counted in {@code nova_alert_commands_total{outcome}}. */
    static final List<String> COMMAND_OUTCOMES = List.of("accepted", "rejected", "failed");
    /** Operations counted in {@code nova_alert_outbox_errors_total{operation}}. */
    static final List<String> OUTBOX_OPERATIONS = List.of("append", "mark_sent", "mark_acknowledged");

    /** A send Telegram refused for good (no retry), as counted in {@code nova_alert_telegram_errors_total{kind}}. */
    public enum Refusal {
        /** 400 on the HTML form of a message: it is sent again as plain text. */
        BAD_REQUEST("bad_request"),
        /** 403: the chat blocked or removed the bot; the message is skipped there. */
        FORBIDDEN("forbidden"),
        /** 400 even on the plain-text form; the message is skipped in that chat. */
        REJECTED("rejected");

        private final String tag;

        Refusal(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;
    private final Map<Severity, Counter> received = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> sent = new EnumMap<>(Severity.class);
    private final Map<Severity, Timer> latency = new EnumMap<>(Severity.class);
    private final Counter escalations;
    private final Counter acknowledged;
    private final Counter intakeFailures;

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
        intakeFailures = Counter.builder("nova.alert.intake.failures")
                .description("Failed attempts to take a batch of nova.alerts (retried; alerts behind it wait)")
                .register(registry);
        registerLabelledCountersAtZero();
    }

    /**
     * Creates every series of the tagged counters up front, so a fresh sentinel exposes them at 0 and dashboards and
     * alert rules ({@code increase(...)}) see the first event as a change instead of a series appearing.
     */
    private void registerLabelledCountersAtZero() {
        for (DeliveryResult.FailureKind kind : DeliveryResult.FailureKind.values()) {
            telegramErrors(kind.tag());
        }
        for (Refusal refusal : Refusal.values()) {
            telegramErrors(refusal.tag());
        }
        for (Delivery.Kind kind : Delivery.Kind.values()) {
            messages(kind.name().toLowerCase(Locale.ROOT));
        }
        messages("reply");
        messages("reply_failed");
        for (String command : CommandRouter.COUNTED_COMMANDS) {
            for (String outcome : COMMAND_OUTCOMES) {
                commands(command, outcome);
            }
        }
        for (String operation : OUTBOX_OPERATIONS) {
            outboxErrors(operation);
        }
    }

    public void received(Severity severity) {
        received.get(severity).increment();
    }

    public void delivered(Delivery delivery, Collection<PendingAlert> firstDeliveries, Instant now) {
        messages(delivery.kind().name().toLowerCase(Locale.ROOT)).increment();
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
        telegramErrors(kind.tag()).increment();
    }

    /** A failure that has no retry (a chat that refuses the bot, a message Telegram rejects). */
    public void channelError(Refusal refusal) {
        telegramErrors(refusal.tag()).increment();
    }

    public void command(String command, String outcome) {
        commands(command, outcome).increment();
    }

    public void reply(boolean ok) {
        messages(ok ? "reply" : "reply_failed").increment();
    }

    /** A batch of nova.alerts failed and will be retried: while this grows, no new alert reaches the operator. */
    public void intakeFailure() {
        intakeFailures.increment();
    }

    public void outboxError(String operation) {
        outboxErrors(operation).increment();
    }

    private Counter telegramErrors(String kind) {
        return Counter.builder("nova.alert.telegram.errors").tag("kind", kind)
                .description("Failed Bot API sends, by kind").register(registry);
    }

    private Counter messages(String kind) {
        return Counter.builder("nova.alert.messages").tag("kind", kind)
                .description("Telegram messages sent, by kind").register(registry);
    }

    private Counter commands(String command, String outcome) {
        return Counter.builder("nova.alert.commands").tag("command", command).tag("outcome", outcome)
                .description("Operator commands, by command and outcome").register(registry);
    }

    private Counter outboxErrors(String operation) {
        return Counter.builder("nova.alert.outbox.errors").tag("operation", operation)
                .description("Outbox I/O failures, by operation").register(registry);
    }

    private static String tag(Severity severity) {
        return severity.name();
    }
}
