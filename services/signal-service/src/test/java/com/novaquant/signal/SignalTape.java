package com.novaquant.signal;

import com.novaquant.events.EventCodec;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Every signal on {@code nova.signals}, read by a consumer of its own from the earliest offset. */
final class SignalTape implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Signal> signals = new CopyOnWriteArrayList<>();

    SignalTape(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "signal-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.SIGNALS));
    }

    /** The first signal of the symbol decided at or after {@code fromMicros} that matches, waiting up to 30 s. */
    Signal await(String symbol, long fromMicros, Predicate<Signal> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            drain(Duration.ofMillis(200));
            return between(symbol, fromMicros, Long.MAX_VALUE).stream().filter(wanted).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    /** The signals of the symbol read so far that were decided in [fromMicros, toMicros). */
    List<Signal> between(String symbol, long fromMicros, long toMicros) {
        return signals.stream()
                .filter(s -> s.symbol().equals(symbol))
                .filter(s -> s.decidedAtMicros() >= fromMicros && s.decidedAtMicros() < toMicros)
                .toList();
    }

    /** Reads what has arrived, waiting up to {@code wait} for the first records. */
    synchronized void drain(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            signals.add(EventCodec.decode(record.value(), Signal.class));
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
