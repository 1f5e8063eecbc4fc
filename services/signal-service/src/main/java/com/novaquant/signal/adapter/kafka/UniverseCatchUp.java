package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.RecordSeal;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.UniverseService;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the compacted {@code nova.universe} to its end before any scan or market data, and hands the newest universe
 * to {@link UniverseService#restore}: its revision, its members (the hysteresis survives a restart) and its tracked
 * symbols (a pair still open outside the universe is closed). A record is checked as the settings' are: its key, its
 * seal when the service holds signing keys, then the event; what fails is logged at ERROR and skipped. An empty topic
 * restores nothing: the first scan chooses the universe.
 */
public class UniverseCatchUp {

    private static final Logger log = LoggerFactory.getLogger(UniverseCatchUp.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerFactory<String, byte[]> consumers;
    private final EventDecoder decoder;
    private final RecordSeal seal;
    private final UniverseService universe;

    public UniverseCatchUp(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder, RecordSeal seal,
                           UniverseService universe) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.seal = seal;
        this.universe = universe;
    }

    /** Reads the topic to its end and restores its newest valid universe, when there is one. */
    public void restore() {
        newest().ifPresentOrElse(universe::restore,
                () -> log.info("{} holds no universe: the first market scan chooses it", Topics.UNIVERSE));
    }

    /** The newest valid universe on the topic (the highest revision; the later record of two equal ones). */
    public Optional<UniverseSelection> newest() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "signal-universe-catch-up", null,
                overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.UNIVERSE, READ_TIMEOUT);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException(Topics.UNIVERSE + " does not exist (yet)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            UniverseSelection newest = null;
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + Topics.UNIVERSE + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    UniverseSelection read = check(record);
                    if (read != null && (newest == null || read.revision() >= newest.revision())) {
                        newest = read;
                    }
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    private UniverseSelection check(ConsumerRecord<String, byte[]> record) {
        if (!UniverseSelection.KEY.equals(record.key()) || record.value() == null) {
            refuse(record, "not a universe record");
            return null;
        }
        if (seal.enabled()) {
            RecordSeal.Verdict verdict = seal.verify(record.topic(), record.key(), record.value(), record.headers());
            if (verdict != RecordSeal.Verdict.SEALED) {
                refuse(record, "not sealed with a signing key (" + verdict + ")");
                return null;
            }
        }
        // the decoder logs and counts (nova_events_rejected_total) what does not decode
        return decoder.decode(record, UniverseSelection.class).orElse(null);
    }

    private static void refuse(ConsumerRecord<String, byte[]> record, String why) {
        log.error("Refused record {}-{}@{} (key {}): {}; it is not restored", record.topic(), record.partition(),
                record.offset(), record.key() == null ? "none" : LiveSettings.printable(record.key()), why);
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
