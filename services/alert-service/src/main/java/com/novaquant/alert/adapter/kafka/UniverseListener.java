package com.novaquant.alert.adapter.kafka;

import com.novaquant.alert.application.UniverseFollower;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads the compacted {@code nova.universe} topic from its beginning on every start (a group of its own, never
 * committed), like the kill-switch view reads {@code nova.control}; the newest revision wins. With the signing keys
 * ({@code nova.signing.keys}) only records sealed by the signal service are shown, the others are counted
 * ({@code nova_events_rejected_total{topic="nova.universe",reason}}) and skipped; without them the universe is shown
 * as read, which is safe because the sentinel only displays it and acts on nothing.
 */
public class UniverseListener {

    private static final Logger log = LoggerFactory.getLogger(UniverseListener.class);

    private final UniverseFollower follower;
    private final EventDecoder decoder;
    private final RecordSeal seal;
    private final MeterRegistry registry;

    public UniverseListener(UniverseFollower follower, EventDecoder decoder, RecordSeal seal, MeterRegistry registry) {
        this.follower = follower;
        this.decoder = decoder;
        this.seal = seal;
        this.registry = registry;
        if (seal.enabled()) {
            log.info("Following {}: only records sealed with the signing keys are shown", Topics.UNIVERSE);
        } else {
            log.info("Following {} without signing keys: the universe is shown as read, never acted on",
                    Topics.UNIVERSE);
        }
    }

    @KafkaListener(id = "#{'alert-universe-' + T(java.util.UUID).randomUUID().toString()}", topics = Topics.UNIVERSE,
            groupId = "#{'${spring.application.name}-universe-' + T(java.util.UUID).randomUUID().toString()}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onUniverse(ConsumerRecord<String, byte[]> record) {
        if (!UniverseSelection.KEY.equals(record.key())) {
            return;
        }
        if (seal.enabled()) {
            RecordSeal.Verdict verdict = seal.verify(record.topic(), record.key(), record.value(), record.headers());
            if (verdict != RecordSeal.Verdict.SEALED) {
                registry.counter("nova.events.rejected", "topic", record.topic(), "reason", verdict.name()).increment();
                log.warn("Skipped universe record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        verdict);
                return;
            }
        }
        decoder.decode(record, UniverseSelection.class).ifPresent(follower::follow);
    }
}
