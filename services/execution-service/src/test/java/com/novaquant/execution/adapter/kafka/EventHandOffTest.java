package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.support.EventPublisher;
import com.novaquant.testsupport.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the broker away a producer's send blocks for {@code max.block.ms} (60 s by default) waiting for metadata. The
 * events an order, an unwind or a kill-switch change publishes must not wait on it: here the producer points at a
 * port nothing listens on, and every publish returns while the first send is still blocked.
 */
class EventHandOffTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DefaultKafkaProducerFactory<String, byte[]> producers;
    private EventHandOff handOff;

    @BeforeEach
    void producerToAnAbsentBroker() {
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.next(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        handOff = new EventHandOff(new EventPublisher(new KafkaTemplate<>(producers), registry)::publish, registry);
    }

    @AfterEach
    void stop() throws InterruptedException {
        handOff.close();
        producers.destroy();
    }

    @Test
    void withTheBrokerAwayPublishingReturnsWhileTheSendWaits() {
        for (int i = 0; i < 3; i++) {
            handOff.publish(Topics.ALERTS, alert(i));
        }

        // The sender holds the first event in the blocked send; the two others wait their turn, in order.
        await().until(() -> handOff.queued() == 2);
        assertThat(registry.counter("nova.execution.events.dropped").count()).isZero();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        handOff.publish(Topics.ALERTS, alert(-1));
        await().until(() -> handOff.queued() == 0);
        for (int i = 0; i < EventHandOff.CAPACITY + 2; i++) {
            handOff.publish(Topics.ALERTS, alert(i));
        }

        assertThat(handOff.queued()).isEqualTo(EventHandOff.CAPACITY);
        assertThat(registry.counter("nova.execution.events.dropped").count()).isEqualTo(2);
        assertThat(registry.get("nova.execution.events.queued").gauge().value()).isEqualTo(EventHandOff.CAPACITY);
    }

    private static Alert alert(int i) {
        return Alert.of(Severity.INFO, "execution-service", "TEST", "event " + i, "test-" + i);
    }
}
