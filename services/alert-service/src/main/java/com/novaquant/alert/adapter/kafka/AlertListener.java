package com.novaquant.alert.adapter.kafka;

import com.novaquant.alert.application.AlertIntake;
import com.novaquant.alert.application.IncomingAlert;
import com.novaquant.events.Alert;
import com.novaquant.events.Topics;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code nova.alerts} in batches: the batch goes into the outbox (forced to disk) and only then are its
 * offsets committed. If the outbox cannot take it, the listener throws, nothing is committed, and the container's
 * error handler retries the batch. Malformed records are counted and skipped by the {@link EventDecoder}.
 * <p>
 * One alert the outbox can never take must not stop every alert behind it: when a batch fails, its alerts are
 * stored one by one; those that still fail while others succeed are logged, counted
 * ({@code nova_events_rejected_total{reason="UNPROCESSABLE"}}) and skipped. When every one fails (the outbox
 * itself is failing), the batch is retried as a whole and nothing is committed.
 */
@Component
public class AlertListener {

    /** The listener container id, for tests that wait for partition assignment. */
    public static final String ID = "alert-intake";

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final AlertIntake intake;
    private final EventDecoder decoder;
    private final MeterRegistry registry;

    public AlertListener(AlertIntake intake, EventDecoder decoder, MeterRegistry registry) {
        this.intake = intake;
        this.decoder = decoder;
        this.registry = registry;
    }

    @KafkaListener(id = ID, topics = Topics.ALERTS, groupId = "${nova.alert.consumer-group:alert-service}",
            containerFactory = AlertKafkaConfiguration.FACTORY, batch = "true")
    void onAlerts(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        List<IncomingAlert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            decoder.decode(record, Alert.class).ifPresent(alert ->
                    alerts.add(new IncomingAlert(alert, record.topic() + "-" + record.partition(), record.offset())));
        }
        try {
            intake.take(alerts);
        } catch (RuntimeException batchFailure) {
            log.error("Alert batch of {} could not be stored; storing its alerts one by one", alerts.size(), batchFailure);
            takeOneByOne(alerts, batchFailure);
        }
        acknowledgment.acknowledge();
    }

    private void takeOneByOne(List<IncomingAlert> alerts, RuntimeException batchFailure) {
        List<IncomingAlert> failed = new ArrayList<>();
        for (IncomingAlert alert : alerts) {
            try {
                intake.take(List.of(alert));
            } catch (RuntimeException e) {
                failed.add(alert);
            }
        }
        if (failed.size() == alerts.size()) {
            throw batchFailure;
        }
        for (IncomingAlert alert : failed) {
            registry.counter("nova.events.rejected", "topic", Topics.ALERTS, "reason", "UNPROCESSABLE").increment();
            log.error("Skipped alert {}@{} the outbox cannot store: {}", alert.partition(), alert.offset(), alert.alert());
        }
    }
}
