package com.novaquant.testsupport;

import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RealInfrastructure
class KafkaRoundTripIT {

    @Test
    void anEventProducedToARealBrokerIsConsumedBackIntact(KafkaServer kafka) throws Exception {
        String topic = Topics.FUNDING + ".roundtrip." + UUID.randomUUID();
        FundingRate sent = new FundingRate("ETHUSDT", new BigDecimal("3120.55"), new BigDecimal("3119.90"),
                new BigDecimal("0.00031"), 1772006400000L, 1772003600000L, System.currentTimeMillis() * 1000);

        RecordMetadata metadata;
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            metadata = producer.send(new ProducerRecord<>(topic, sent.key(), EventCodec.encode(sent))).get();
        }
        assertThat(metadata.offset()).isZero();

        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, byte[]> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received = record;
                }
            }
            assertThat(received).as("record consumed from " + kafka.kind() + " broker").isNotNull();
            assertThat(received.key()).isEqualTo("ETHUSDT");
            NovaEvent decoded = EventCodec.decode(received.value());
            assertThat(decoded).isEqualTo(sent);
        }
    }
}
