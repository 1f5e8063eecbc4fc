package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.MarketScan;
import com.novaquant.events.Topics;
import com.novaquant.signal.application.UniverseService;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code nova.md.scan} on a thread of its own, by assignment (no consumer group: every replica chooses on every
 * scan), starting at the newest record, and hands the universe service the newest scan of each read: an older one
 * read in the same batch is outdated by it. A record that is not a market scan is counted and skipped. After each read
 * the universe service publishes a tracked set that has shrunk meanwhile ({@link UniverseService#reconcile}).
 * Started once the universe has been restored ({@link UniverseCatchUp}), stopped with the context.
 */
public class MarketScanReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarketScanReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, byte[]> consumers;
    private final EventDecoder decoder;
    private final UniverseService universe;

    private final ReaderThread reader = new ReaderThread("market-scan-reader");

    public MarketScanReader(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder, UniverseService universe) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.universe = universe;
    }

    /** Starts reading; nothing when already started. */
    public synchronized void start() {
        reader.start(this::follow);
    }

    @Override
    public synchronized void close() {
        reader.stop();
    }

    public boolean isRunning() {
        return reader.running();
    }

    private void follow() {
        Map<TopicPartition, Long> next = new java.util.HashMap<>();
        while (reader.running()) {
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            try (Consumer<String, byte[]> current = consumers.createConsumer(null, "signal-market-scan", null,
                    overrides)) {
                reader.reading(current);
                List<TopicPartition> partitions = partitions(current);
                if (partitions.isEmpty()) {
                    throw new IllegalStateException(Topics.MARKET_SCAN + " does not exist (yet)");
                }
                current.assign(partitions);
                Map<TopicPartition, Long> end = current.endOffsets(partitions, Duration.ofSeconds(10));
                for (TopicPartition partition : partitions) {
                    // newest only: the last record at the start, then on from where this reader was
                    long from = next.getOrDefault(partition, Math.max(0, end.get(partition) - 1));
                    current.seek(partition, from);
                }
                while (reader.running()) {
                    ConsumerRecords<String, byte[]> records = current.poll(POLL);
                    MarketScan newest = null;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                        MarketScan scan = decoder.decode(record, MarketScan.class).orElse(null);
                        if (scan == null) {
                            universe.undecodableScan();
                        } else if (newest == null || scan.scannedAtMs() > newest.scannedAtMs()) {
                            newest = scan;
                        }
                    }
                    if (newest != null) {
                        universe.onScan(newest);
                    }
                    universe.reconcile();
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (reader.running()) {
                    log.error("Cannot read {}; the universe stays as it is until it can: {}", Topics.MARKET_SCAN,
                            e.toString());
                    reader.pauseBeforeRetry();
                }
            } finally {
                reader.reading(null);
            }
        }
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.MARKET_SCAN, Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

}
