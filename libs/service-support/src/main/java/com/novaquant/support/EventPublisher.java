package com.novaquant.support;

import com.novaquant.events.EventCodec;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.RecordSeal;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes {@link NovaEvent}s under their own key. Send failures are counted
 * ({@code nova_kafka_send_errors_total{topic}}) and logged, and the returned future fails so callers that must know
 * (execution) can react.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, byte[]> template;
    private final MeterRegistry registry;
    private final RecordSeal seal;

    public EventPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry registry) {
        this(template, registry, RecordSeal.none());
    }

    /** @param seal seals every record this service sends when it holds the signing keys */
    public EventPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry registry, RecordSeal seal) {
        this.template = template;
        this.registry = registry;
        this.seal = seal;
    }

    /**
     * Creates the producer and fetches the topics' metadata now, on a thread of its own, so that the first event
     * (the first order's SENT, the first signal) does not pay for both on its hot path (~200 ms in a benchmark run's log). A broker
     * not up yet only delays this; it never holds up start-up.
     */
    public void warmUp(List<String> topics) {
        Thread.ofVirtual().name("kafka-producer-warm-up").start(() -> {
            for (String topic : topics) {
                try {
                    template.partitionsFor(topic);
                } catch (RuntimeException e) {
                    log.debug("Producer warm-up for {} failed: {}", topic, e.toString());
                }
            }
        });
    }

    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, NovaEvent event) {
        CompletableFuture<SendResult<String, byte[]>> future;
        try {
            byte[] value = EventCodec.encode(event);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), value);
            seal.seal(topic, event.key(), value, record.headers());
            future = template.send(record);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((result, error) -> {
            if (error != null) {
                registry.counter("nova.kafka.send.errors", "topic", topic).increment();
                log.warn("Kafka send to {} failed: {}", topic, error.toString());
            }
        });
    }
}
