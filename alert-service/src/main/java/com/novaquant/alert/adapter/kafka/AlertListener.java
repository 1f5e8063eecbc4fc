package com.novaquant.alert.adapter.kafka;

import com.novaquant.alert.application.AlertIntake;
import com.novaquant.alert.application.IncomingAlert;
import com.novaquant.events.Alert;
import com.novaquant.events.Topics;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code nova.alerts} in batches: the batch goes into the outbox (forced to disk) and only then are its
 * offsets committed. If the outbox cannot take it, the listener throws, nothing is committed, and the container's
 * error handler retries the batch. Malformed records are counted and skipped by the {@link EventDecoder}.
 */
@Component
public class AlertListener {

    /** The listener container id, for tests that wait for partition assignment. */
    public static final String ID = "alert-intake";

    private final AlertIntake intake;
    private final EventDecoder decoder;

    public AlertListener(AlertIntake intake, EventDecoder decoder) {
        this.intake = intake;
        this.decoder = decoder;
    }

    @KafkaListener(id = ID, topics = Topics.ALERTS, groupId = "${nova.alert.consumer-group:alert-service}",
            containerFactory = AlertKafkaConfiguration.FACTORY, batch = "true")
    void onAlerts(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        List<IncomingAlert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            decoder.decode(record, Alert.class).ifPresent(alert ->
                    alerts.add(new IncomingAlert(alert, record.topic() + "-" + record.partition(), record.offset())));
        }
        intake.take(alerts);
        acknowledgment.acknowledge();
    }
}
