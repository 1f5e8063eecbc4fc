package com.novaquant.benchmarks.desk;

import com.novaquant.ingestion.adapter.kafka.KafkaMarketDataPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Kafka's own latency for the desk's two hops, on the same broker, at the same rate, with the services' client
 * settings: the floor that tick -> order is compared against. A producer with ingestion's settings writes 150-byte
 * records at the feed's rate; a relay (a consumer with the services' consumer settings, as signal-service reads the
 * quotes) forwards one record in {@code feedRate / eventRate} with the event producers' settings (acks=all,
 * idempotent), as a decision is one signal among many quotes; a sink with the same consumer settings reads them, as
 * execution reads the signals. Each sample is one forwarded record: written by the first producer -> read by the sink.
 */
final class KafkaTwoHop {

    /** The settings every service's consumer runs with (Kafka's defaults otherwise, as Spring Boot leaves them). */
    private static final Map<String, Object> SERVICE_CONSUMER = Map.of(
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    /** The event producers' settings (nova-defaults.yml: acks=all, idempotent, no linger). */
    private static final Map<String, Object> EVENT_PRODUCER = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.LINGER_MS_CONFIG, "0");

    private KafkaTwoHop() {
    }

    /**
     * @param client    bootstrap servers and login of a client allowed to create and use topics
     * @param feedRate  records per second into the first hop
     * @param eventRate records per second forwarded to the second hop (about the desk's signals per second)
     */
    static Percentiles run(Map<String, Object> client, int feedRate, int eventRate, Duration duration)
            throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hop1 = "bench.hop1." + run;
        String hop2 = "bench.hop2." + run;
        createTopics(client, List.of(hop1, hop2));
        int forwardEvery = Math.max(1, feedRate / Math.max(1, eventRate));
        Percentiles latencies = new Percentiles();
        AtomicBoolean running = new AtomicBoolean(true);

        Thread relay = Thread.ofPlatform().name("two-hop-relay").start(() -> {
            try (var consumer = consumer(client, hop1); var producer = producer(client, EVENT_PRODUCER)) {
                long seen = 0;
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (seen++ % forwardEvery == 0) {
                            producer.send(new ProducerRecord<>(hop2, record.key(), record.value()));
                        }
                    }
                }
            }
        });
        Thread sink = Thread.ofPlatform().name("two-hop-sink").start(() -> {
            try (var consumer = consumer(client, hop2)) {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long sentNanos = ByteBuffer.wrap(record.value()).getLong();
                        synchronized (latencies) {
                            latencies.add((System.nanoTime() - sentNanos) / 1_000);
                        }
                    }
                }
            }
        });
        Thread.sleep(3_000); // let both consumers join their groups before the clock starts
        Map<String, Object> feedProducer = new HashMap<>(KafkaMarketDataPublisher.LATENCY_SETTINGS);
        // Ingestion fetches its topics' metadata before its first send; so does this producer, then sends as it does.
        feedProducer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        try (var producer = producer(client, feedProducer)) {
            producer.partitionsFor(hop1);
            long interval = 1_000_000_000L / feedRate;
            long next = System.nanoTime();
            long end = next + duration.toNanos();
            byte[] key = "BTCUSDT".getBytes();
            while (next < end) {
                byte[] value = new byte[150];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(hop1, key, value));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        Thread.sleep(2_000);
        running.set(false);
        relay.join();
        sink.join(); // the sink's samples are visible once it has ended
        return latencies;
    }

    /** A broker that authorises creates no topic on first use: both are made first, like the desk's (3 partitions). */
    private static void createTopics(Map<String, Object> client, List<String> names) {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, 3, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the two-hop topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating the two-hop topics", e);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> client, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(settings);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(SERVICE_CONSUMER);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
