package com.novaquant.ingestion;

import com.novaquant.events.EventCodec;
import com.novaquant.events.NovaEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads one topic from its current end: what the service publishes after the probe was opened. */
final class TopicProbe<T extends NovaEvent> implements AutoCloseable {

    record Received<T>(String key, T event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Class<T> type;

    TopicProbe(String topic, Class<T> type) {
        this.type = type;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The first event matching within the timeout (decoded with the shared codec, so the wire format is checked too). */
    Optional<Received<T>> first(Predicate<Received<T>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                NovaEvent event = EventCodec.decode(record.value());
                if (type.isInstance(event)) {
                    Received<T> received = new Received<>(record.key(), type.cast(event));
                    if (match.test(received)) {
                        return Optional.of(received);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every event received within the window. */
    List<Received<T>> during(Duration window) {
        List<Received<T>> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                NovaEvent event = EventCodec.decode(record.value());
                if (type.isInstance(event)) {
                    all.add(new Received<>(record.key(), type.cast(event)));
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
