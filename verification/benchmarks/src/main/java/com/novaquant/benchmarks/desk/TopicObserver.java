package com.novaquant.benchmarks.desk;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.FundingRate;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.OrderEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.ids.ClientOrderId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the desk's topics the way an auditor would, on a thread of its own: every quote, signal and order event,
 * timestamped on arrival. The latencies come from the timestamps the events carry (one clock: one machine).
 */
final class TopicObserver implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private Window current = new Window();

    /**
     * @param client         bootstrap servers and login
     * @param fetchMaxWaitMs the consumer's long poll: short to read a busy topic as it comes; Kafka's default (500)
     *                       to read a quiet one as the services do
     */
    TopicObserver(Map<String, Object> client, List<String> topics, int fetchMaxWaitMs, String name) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "desk-benchmark-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(fetchMaxWaitMs));
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        thread = Thread.ofPlatform().name(name).start(this::run);
    }

    private void run() {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = EpochMicros.now();
                    NovaEvent event;
                    try {
                        event = EventCodec.decode(record.value());
                    } catch (EventDecodeException e) {
                        synchronized (this) {
                            current.undecodable++;
                        }
                        continue;
                    }
                    synchronized (this) {
                        current.observe(event, now);
                    }
                }
            }
        }
    }

    /** Starts a new window: what was read before no longer counts. */
    synchronized void reset() {
        current = new Window();
    }

    synchronized Window snapshot(double seconds) {
        current.seconds = seconds;
        Window done = current;
        current = new Window();
        return done;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    /** What one window read. */
    static final class Window {
        long quotes;
        long undecodable;
        double seconds;
        final Percentiles feedLag = new Percentiles();
        final Percentiles quoteHop = new Percentiles();
        final Percentiles fundingHop = new Percentiles();
        final Percentiles tickToSignal = new Percentiles();
        final Percentiles triggerToSignal = new Percentiles();
        final Percentiles signalHop = new Percentiles();
        final Percentiles tickToOrder = new Percentiles();
        final Percentiles signalToOrder = new Percentiles();
        private final Set<ClientOrderId> ordersSeen = new HashSet<>();

        void observe(NovaEvent event, long nowMicros) {
            switch (event) {
                case Quote q -> {
                    quotes++;
                    quoteHop.add(nowMicros - q.receivedAtMicros());
                    if (q.venue() == Venue.USDM && q.exchangeTimeMs() > 0) {
                        feedLag.add(q.receivedAtMicros() - q.exchangeTimeMs() * 1000);
                    }
                }
                case FundingRate f -> fundingHop.add(nowMicros - f.receivedAtMicros());
                case Signal s -> {
                    tickToSignal.add(s.decidedAtMicros() - s.tickReceivedAtMicros());
                    // The newest input (a quote or the funding update) is what triggered the decision.
                    long trigger = Math.max(s.tickReceivedAtMicros(), s.funding() == null ? 0 : s.funding().receivedAtMicros());
                    triggerToSignal.add(s.decidedAtMicros() - trigger);
                    signalHop.add(nowMicros - s.decidedAtMicros());
                }
                // An order is counted once, at its SENT event: the moment it was handed to the venue.
                case OrderEvent o when o.tickReceivedAtMicros() > 0 && !"NEW".equals(o.status())
                        && ordersSeen.add(o.clientOrderId()) -> {
                    tickToOrder.add(o.atMicros() - o.tickReceivedAtMicros());
                    signalToOrder.add(o.atMicros() - o.signalDecidedAtMicros());
                }
                default -> {
                }
            }
        }
    }
}
