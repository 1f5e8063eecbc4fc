package com.novaquant.support;

import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.NovaEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Decodes consumed records into events. A malformed or unknown-version payload is counted
 * ({@code nova_events_rejected_total{topic,reason}}) and skipped: it never stops a listener.
 */
public class EventDecoder {

    private static final Logger log = LoggerFactory.getLogger(EventDecoder.class);

    private final MeterRegistry registry;

    public EventDecoder(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T extends NovaEvent> Optional<T> decode(ConsumerRecord<String, byte[]> record, Class<T> expected) {
        try {
            return Optional.of(EventCodec.decode(record.value(), expected));
        } catch (EventDecodeException e) {
            registry.counter("nova.events.rejected", "topic", record.topic(), "reason", e.reason().name()).increment();
            log.warn("Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The number of records of a topic rejected so far, for tests and status pages. */
    public double rejected(String topic) {
        return registry.find("nova.events.rejected").tag("topic", topic).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
