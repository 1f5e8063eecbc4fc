package com.novaquant.signal.adapter.kafka;

import com.novaquant.events.FeedGate;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Topics;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Holds market data back until the desk mode, the feed gates and the shared settings are known.
 * {@link KillSwitchView} starts TRADING and {@link FeedGateView} with every symbol open; they learn the real state
 * from {@code nova.control} (the desk mode, written by execution) and {@code nova.feed-gates} (the gates, written by
 * ingestion) some moments after start-up, and a decision taken in that window could open a pair while the desk is
 * halted or decide on a symbol whose data is gated. So the market-data listener does not start with the context: once
 * the application is ready, this reads both compacted topics to their end, applies the newest desk mode and every
 * feed gate, and only then starts the listener. The settings work alike: the service starts on its start-up
 * properties while those an operator changed are on {@code nova.signal-settings}, so before the listener starts that
 * topic too is read to its end ({@link SharedSettings#catchUp}, through {@link KafkaSettingsLog}) and its latest
 * settings are in force; when it is empty the start-up properties stay. If any topic cannot be read it retries, and
 * the service decides nothing meanwhile. Each topic counts only for what its writer may say: the desk mode from
 * {@code nova.control}, gates from {@code nova.feed-gates}.
 */
public class KillSwitchCatchUp {

    private static final Logger log = LoggerFactory.getLogger(KillSwitchCatchUp.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);
    /** What is read to its end here before market data: the desk mode's topic and the feed gates' topic. */
    static final List<String> TOPICS = List.of(Topics.CONTROL, Topics.FEED_GATES);
    /** Everything read to its end before market data: those two and the shared settings. */
    static final List<String> ALL_TOPICS = List.of(Topics.CONTROL, Topics.FEED_GATES, Topics.SIGNAL_SETTINGS);

    private final ConsumerFactory<String, byte[]> consumers;
    private final EventDecoder decoder;
    private final KillSwitchView killSwitch;
    private final FeedGateView feedGates;
    private final KafkaListenerEndpointRegistry listeners;
    private final SharedSettings settings;
    private final Runnable beforeMarketData;

    public KillSwitchCatchUp(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder,
                             KillSwitchView killSwitch, FeedGateView feedGates,
                             KafkaListenerEndpointRegistry listeners, SharedSettings settings) {
        this(consumers, decoder, killSwitch, feedGates, listeners, settings, () -> {
        });
    }

    /**
     * @param beforeMarketData run once the settings are known and before the market-data listener starts (universe
     *                         mode: restore the universe from {@code nova.universe}, then follow the scans); retried
     *                         with the rest when it throws
     */
    public KillSwitchCatchUp(ConsumerFactory<String, byte[]> consumers, EventDecoder decoder,
                             KillSwitchView killSwitch, FeedGateView feedGates,
                             KafkaListenerEndpointRegistry listeners, SharedSettings settings,
                             Runnable beforeMarketData) {
        this.beforeMarketData = beforeMarketData;
        this.consumers = consumers;
        this.decoder = decoder;
        this.killSwitch = killSwitch;
        this.feedGates = feedGates;
        this.listeners = listeners;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startMarketDataOnceTheKillSwitchIsKnown() {
        Thread.ofVirtual().name("kill-switch-catch-up").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    readControlTopicsToEnd();
                    settings.catchUp(READ_TIMEOUT);
                    beforeMarketData.run();
                    MessageListenerContainer container = listeners.getListenerContainer(MarketDataListener.ID);
                    if (container != null) {
                        container.start();
                    }
                    log.info("Desk {}, feed gates {} and settings revision {} known; market data listener started",
                            killSwitch.mode(), feedGates.all().values().stream().filter(FeedGate::gated)
                                    .map(FeedGate::symbol).toList(), settings.current().revision().number());
                    return;
                } catch (RuntimeException e) {
                    log.error("Cannot read {} to learn the desk mode, feed gates and settings; no decisions until it"
                            + " can: {}", ALL_TOPICS, e.toString());
                    try {
                        Thread.sleep(RETRY_PAUSE);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    /**
     * Reads {@code nova.control} and {@code nova.feed-gates} from the beginning to their current ends and applies every
     * desk mode and feed gate.
     */
    public void readControlTopicsToEnd() {
        Properties overrides = new Properties();
        overrides.put("enable.auto.commit", "false");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "signal-kill-switch-catch-up", null,
                overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + TOPICS + " to their end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (Topics.CONTROL.equals(record.topic()) && Topics.KILL_SWITCH_KEY.equals(key)) {
            decoder.decode(record, KillSwitchState.class).ifPresent(killSwitch::apply);
        } else if (Topics.FEED_GATES.equals(record.topic()) && key != null && key.startsWith(FeedGate.KEY_PREFIX)) {
            decoder.decode(record, FeedGate.class).ifPresent(feedGates::apply);
        }
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
