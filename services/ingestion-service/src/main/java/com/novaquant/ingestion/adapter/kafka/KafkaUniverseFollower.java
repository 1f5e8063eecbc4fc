package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows the compacted {@code nova.universe} topic on a thread of its own: from the beginning at start, the newest
 * record wins. What was on the topic at start is read to its end first and only the last universe of it is handed
 * on (not every past one); after that each new record is handed on as it comes. A record that does not decode is
 * counted ({@code nova_events_rejected_total{topic="nova.universe"}}) and skipped. No consumer group: nothing is
 * committed, every start reads the whole topic.
 */
public final class KafkaUniverseFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaUniverseFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventDecoder decoder;
    private final Consumer<UniverseSelection> universes;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    public KafkaUniverseFollower(Map<String, Object> consumerConfig, EventDecoder decoder,
                                 Consumer<UniverseSelection> universes) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.decoder = decoder;
        this.universes = universes;
        this.thread = new Thread(this::run, "universe-follower");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private boolean started() {
        return thread.getState() != Thread.State.NEW;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(partitions);
            UniverseSelection newest = null;
            boolean caughtUp = false;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!UniverseSelection.KEY.equals(record.key())) {
                        continue;
                    }
                    UniverseSelection decoded = decoder.decode(record, UniverseSelection.class).orElse(null);
                    if (decoded != null) {
                        newest = decoded;
                    }
                }
                if (!caughtUp) {
                    caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= startEnd.get(p));
                    if (caughtUp) {
                        log.info("universe read to its end: {}", newest == null ? "none yet"
                                : "revision " + newest.revision() + ", " + newest.tracked().size() + " tracked");
                    }
                }
                if (caughtUp && newest != null) {
                    hand(newest);
                    newest = null;
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (RuntimeException e) {
            log.error("universe follower stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void hand(UniverseSelection universe) {
        try {
            universes.accept(universe);
        } catch (RuntimeException e) {
            log.error("universe revision {} could not be followed", universe.revision(), e);
        }
    }

    private List<TopicPartition> partitions() {
        while (running) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.UNIVERSE, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            log.warn("{} not found yet; looking again", Topics.UNIVERSE);
        }
        throw new WakeupException();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        if (!started()) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
