package com.novaquant.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resilience suite crashes and restarts the broker under running services: same port, same records. */
class KafkaProcessRestartIT {

    @Test
    void aKilledBrokerComesBackOnItsPortWithItsRecordsAndAProducerCarriesOn(@TempDir Path dir) throws Exception {
        try (KafkaProcess kafka = KafkaProcess.start(dir, 1);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                     ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                     new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-topic", "k", "before")).get(30, TimeUnit.SECONDS);
            int port = Integer.parseInt(kafka.bootstrapServers().replaceAll(".*:", ""));

            kafka.kill();
            assertThat(kafka.running()).isFalse();
            assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(java.io.IOException.class);
            // While the broker is down, send() waits for metadata on the caller's thread (up to max.block.ms).
            CompletableFuture<Future<RecordMetadata>> during = CompletableFuture.supplyAsync(
                    () -> producer.send(new ProducerRecord<>("restart-topic", "k", "during")));
            kafka.launch();

            during.get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("restart-topic", "k", "after")).get(30, TimeUnit.SECONDS);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("restart-topic"));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (values.size() < 3 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        values.add(r.value());
                    }
                }
                assertThat(values).containsExactly("before", "during", "after");
            }
        }
    }
}
