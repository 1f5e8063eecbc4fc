package com.novaquant.localstack;

import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.NovaEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every event on the given topics from the beginning, as an auditor reading the desk from outside: the
 * decoded events, and the raw records (for scans such as "no secret ever appears in an event").
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<NovaEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** @param client the bootstrap address and any login (e.g. {@link Desk#kafkaClientProperties()}) */
    public TopicRecorder(Map<String, Object> client, List<String> topics) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        thread = Thread.ofPlatform().name("topic-recorder").daemon().start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        raw.add(record.topic() + " " + record.key() + " "
                                + new String(record.value() == null ? new byte[0] : record.value(), java.nio.charset.StandardCharsets.UTF_8));
                        try {
                            events.add(EventCodec.decode(record.value()));
                        } catch (EventDecodeException ignored) {
                            // the services count these; the scenarios assert on valid events only
                        }
                    }
                }
            }
        });
    }

    public <T extends NovaEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every record seen, as "topic key value" (values as UTF-8 text). */
    public List<String> raw() {
        return List.copyOf(raw);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
