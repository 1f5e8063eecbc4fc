package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.RecordSeal;
import com.novaquant.events.SignalSettings;
import com.novaquant.events.Topics;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SettingsJournal;
import com.novaquant.signal.application.SettingsUnavailableException;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.signal.application.SignalMetrics;
import com.novaquant.signal.application.SignalMetrics.SettingsRefusal;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.EventPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shared settings' journal on Kafka: the compacted, one-partition {@code nova.signal-settings} topic. Every
 * replica reads it on a thread of its own, from the beginning and for as long as it runs, by assignment (no consumer
 * group, so every replica sees every record), and hands each record to {@link SharedSettings#offer} with its offset.
 * A record is checked before anything in it is read: under its key ({@value SignalSettings#KEY}), sealed with one of
 * the signing keys when the service holds them (as every record it writes is, by {@link EventPublisher}), and
 * decodable as {@link SignalSettings}; anything else is counted in
 * {@code nova_signal_settings_refused_total{reason}} and logged, never applied and never a stop. Writes go through
 * {@link EventPublisher} ({@code acks=all}) and wait, bounded, for the broker's acknowledgement.
 */
public class KafkaSettingsLog implements SettingsJournal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaSettingsLog.class);
    /** The client id of the reader (it uses no consumer group). */
    static final String CLIENT_ID = "signal-settings";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = ReaderThread.RETRY_PAUSE;

    private final ConsumerFactory<String, byte[]> consumers;
    private final EventPublisher publisher;
    private final EventDecoder decoder;
    private final RecordSeal seal;
    private final SignalMetrics metrics;
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final ExecutorService writer = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("signal-settings-writer-", 0).factory());

    private volatile SharedSettings settings;
    private final ReaderThread reader = new ReaderThread("signal-settings-reader");
    private volatile String lastError = "none";
    private boolean missingTopicLogged;

    public KafkaSettingsLog(ConsumerFactory<String, byte[]> consumers, EventPublisher publisher, EventDecoder decoder,
                            RecordSeal seal, SignalMetrics metrics) {
        this.consumers = consumers;
        this.publisher = publisher;
        this.decoder = decoder;
        this.seal = seal;
        this.metrics = metrics;
    }

    /** Where the records read go; set once, before the context starts this. */
    public void deliverTo(SharedSettings settings) {
        this.settings = settings;
    }

    @Override
    public long append(SignalSettings record, Duration timeout) {
        // The send itself may block (metadata, a full buffer), so it runs off the caller's thread and the whole of
        // it is bounded by the timeout.
        CompletableFuture<SendResult<String, byte[]>> sent;
        try {
            sent = CompletableFuture.supplyAsync(() -> publisher.publish(Topics.SIGNAL_SETTINGS, record), writer)
                    .thenCompose(future -> future);
        } catch (RejectedExecutionException e) {
            throw new SettingsUnavailableException("the service is stopping", e);
        }
        try {
            return sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata().offset();
        } catch (TimeoutException e) {
            throw new SettingsUnavailableException("Kafka did not acknowledge the change on " + Topics.SIGNAL_SETTINGS
                    + " within " + timeout.toMillis() + " ms; it is not applied here (should it still reach the"
                    + " topic, every replica applies it: GET /admin/config/audit shows what is in force)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            throw new SettingsUnavailableException("Kafka refused the change on " + Topics.SIGNAL_SETTINGS + ": "
                    + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettingsUnavailableException("interrupted while waiting for Kafka's acknowledgement", e);
        }
    }

    @Override
    public void catchUp(Duration timeout) {
        if (!reader.running()) {
            throw new SettingsUnavailableException("the reader of " + Topics.SIGNAL_SETTINGS + " is not running", null);
        }
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            catchUpRequests.remove(request);
            throw new SettingsUnavailableException("could not read " + Topics.SIGNAL_SETTINGS + " to its end within "
                    + timeout.toMillis() + " ms (last error: " + lastError + ")", e);
        } catch (ExecutionException e) {
            throw new SettingsUnavailableException("could not read " + Topics.SIGNAL_SETTINGS + " to its end: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettingsUnavailableException("interrupted while reading " + Topics.SIGNAL_SETTINGS, e);
        }
    }

    @Override
    public synchronized void start() {
        if (settings == null) {
            throw new IllegalStateException("KafkaSettingsLog has nowhere to deliver the settings it reads");
        }
        reader.start(this::follow);
    }

    @Override
    public synchronized void stop() {
        reader.stop();
        writer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return reader.running();
    }

    /** The reader's loop: (re)connects, reads on from where it was, answers catch-up requests. */
    private void follow() {
        Map<TopicPartition, Long> next = new HashMap<>();
        List<Waiting> waiting = new ArrayList<>();
        while (reader.running()) {
            try (Consumer<String, byte[]> current = consumers.createConsumer(null, CLIENT_ID, null, overrides())) {
                reader.reading(current);
                List<TopicPartition> partitions = partitions(current);
                if (partitions.isEmpty()) {
                    if (!missingTopicLogged) {
                        log.warn("{} does not exist: the start-up properties stay in force and no change can be "
                                + "shared until it does", Topics.SIGNAL_SETTINGS);
                        missingTopicLogged = true;
                    }
                    lastError = Topics.SIGNAL_SETTINGS + " does not exist";
                    drain().forEach(request -> request.complete(null));
                    waiting.forEach(Waiting::complete);
                    waiting.clear();
                    reader.pauseBeforeRetry();
                    continue;
                }
                current.assign(partitions);
                for (TopicPartition partition : partitions) {
                    Long at = next.get(partition);
                    if (at == null) {
                        current.seekToBeginning(List.of(partition));
                    } else {
                        current.seek(partition, at);
                    }
                }
                while (reader.running()) {
                    List<CompletableFuture<Void>> fresh = drain();
                    if (!fresh.isEmpty()) {
                        waiting.add(new Waiting(current.endOffsets(partitions, METADATA_TIMEOUT), fresh));
                    }
                    for (ConsumerRecord<String, byte[]> record : current.poll(POLL)) {
                        try {
                            read(record);
                        } catch (RuntimeException e) {
                            // never a stop, and never read again: the position moves past it below
                            refuse(SettingsRefusal.INVALID, record, e.toString());
                        }
                        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    }
                    for (TopicPartition partition : partitions) {
                        next.put(partition, current.position(partition, METADATA_TIMEOUT));
                    }
                    waiting.removeIf(w -> w.reachedBy(next));
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (reader.running()) {
                    lastError = e.toString();
                    log.warn("Cannot read {} ({}); retrying in {} s", Topics.SIGNAL_SETTINGS, e.toString(),
                            RETRY_PAUSE.toSeconds());
                    reader.pauseBeforeRetry();
                }
            } finally {
                reader.reading(null);
            }
        }
        SettingsUnavailableException stopped = new SettingsUnavailableException("the service is stopping", null);
        drain().forEach(request -> request.completeExceptionally(stopped));
        waiting.forEach(w -> w.requests.forEach(request -> request.completeExceptionally(stopped)));
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (!SignalSettings.KEY.equals(record.key())) {
            refuse(SettingsRefusal.UNDECODABLE, record, "not the settings' key");
            return;
        }
        if (seal.enabled()) {
            RecordSeal.Verdict verdict = seal.verify(record.topic(), record.key(), record.value(), record.headers());
            if (verdict != RecordSeal.Verdict.SEALED) {
                refuse(SettingsRefusal.UNSEALED, record, verdict.name());
                return;
            }
        }
        Optional<SignalSettings> decoded = decoder.decode(record, SignalSettings.class);
        if (decoded.isEmpty()) {
            // the decoder logged why and counted it in nova_events_rejected_total
            metrics.settingsRefused(SettingsRefusal.UNDECODABLE);
            return;
        }
        settings.offer(decoded.get(), record.offset());
    }

    private void refuse(SettingsRefusal reason, ConsumerRecord<String, byte[]> record, String why) {
        metrics.settingsRefused(reason);
        log.error("Refused record {}-{}@{} (key {}): {} {}; the settings in force stay", record.topic(),
                record.partition(), record.offset(), record.key() == null ? "none" : LiveSettings.printable(record.key()),
                reason, why);
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.SIGNAL_SETTINGS, METADATA_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static Properties overrides() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return overrides;
    }

    private List<CompletableFuture<Void>> drain() {
        List<CompletableFuture<Void>> drained = new ArrayList<>();
        for (CompletableFuture<Void> request; (request = catchUpRequests.poll()) != null; ) {
            drained.add(request);
        }
        return drained;
    }


    /** Catch-up requests and the end offsets they wait for. */
    private record Waiting(Map<TopicPartition, Long> end, List<CompletableFuture<Void>> requests) {

        boolean reachedBy(Map<TopicPartition, Long> positions) {
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                if (positions.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                    return false;
                }
            }
            complete();
            return true;
        }

        void complete() {
            requests.forEach(request -> request.complete(null));
        }
    }
}
