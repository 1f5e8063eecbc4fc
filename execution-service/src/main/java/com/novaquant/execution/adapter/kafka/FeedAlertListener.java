package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.execution.application.KillSwitch;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Engages the kill switch on a CRITICAL FEED_RECONNECT_STORM alert from ingestion: the market data behind any new
 * signal cannot be trusted.
 */
public class FeedAlertListener {

    static final String CODE = "FEED_RECONNECT_STORM";

    private final KillSwitch killSwitch;
    private final EventDecoder decoder;

    public FeedAlertListener(KillSwitch killSwitch, EventDecoder decoder) {
        this.killSwitch = killSwitch;
        this.decoder = decoder;
    }

    @KafkaListener(id = "execution-feed-alerts", topics = Topics.ALERTS, groupId = "execution-service-alerts",
            properties = {"auto.offset.reset=latest"})
    void onAlert(ConsumerRecord<String, byte[]> record) {
        decoder.decode(record, Alert.class)
                .filter(alert -> alert.severity() == Severity.CRITICAL && CODE.equals(alert.code()))
                .ifPresent(alert -> killSwitch.engage(CODE + ": " + alert.text(), alert.source()));
    }
}
