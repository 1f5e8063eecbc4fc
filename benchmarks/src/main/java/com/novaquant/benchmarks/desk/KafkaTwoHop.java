package com.novaquant.benchmarks.desk;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Kafka's own latency for two hops (producer -> relay -> consumer) at a given rate, on the same broker: the floor
 * that the desk's tick-to-order latency is compared against. 150-byte records, linger.ms=0.
 */
final class KafkaTwoHop {

    /** Client settings of a chain. */
    enum Clients {
        /** The market-data path's: acks=1, no idempotence; consumers that fetch every 5 ms at most. */
        FEED(Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5")),
        /**
         * The signal and order path's (the services' defaults): acks=all, idempotent; consumers with Kafka's default
         * long poll, woken by the broker when a record comes.
         */
        EVENTS(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), Map.of());

        private final Map<String, Object> producer;
        private final Map<String, Object> consumer;

        Clients(Map<String, Object> producer, Map<String, Object> consumer) {
            this.producer = producer;
            this.consumer = consumer;
        }
    }

    private KafkaTwoHop() {
    }

    static Percentiles run(String bootstrap, int ratePerSecond, Duration duration, Clients clients)
            throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hop1 = "bench.hop1." + run;
        String hop2 = "bench.hop2." + run;
        Percentiles latencies = new Percentiles();
        AtomicBoolean running = new AtomicBoolean(true);

        Thread relay = Thread.ofPlatform().name("two-hop-relay").start(() -> {
            try (var consumer = consumer(bootstrap, hop1, clients); var producer = producer(bootstrap, clients)) {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        producer.send(new ProducerRecord<>(hop2, record.key(), record.value()));
                    }
                }
            }
        });
        Thread sink = Thread.ofPlatform().name("two-hop-sink").start(() -> {
            try (var consumer = consumer(bootstrap, hop2, clients)) {
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
        try (var producer = producer(bootstrap, clients)) {
            long interval = 1_000_000_000L / ratePerSecond;
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
        sink.join();
        return latencies;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap, Clients clients) {
        Map<String, Object> config = new HashMap<>(clients.producer);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String topic, Clients clients) {
        Map<String, Object> config = new HashMap<>(clients.consumer);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
