package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Topics;
import com.novaquant.ingestion.application.MarketDataSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes quotes and funding on the market-data topics with a producer of its own, tuned for latency rather than
 * the shared producer's durability (settings and reasons in the README). {@code send} runs on the Netty event loop,
 * so the producer is configured never to wait there ({@code max.block.ms} 0): when the broker is unreachable or the
 * bounded buffer is full, the record is dropped and counted ({@code nova.ingestion.kafka.dropped}); failed
 * acknowledgements are counted as send errors. Market data is superseded within milliseconds, so a drop costs
 * freshness, never correctness; the feed watchdog and the consumers' own staleness checks see the gap.
 */
public final class KafkaMarketDataPublisher implements MarketDataSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaMarketDataPublisher.class);

    /**
     * The producer settings this publisher is meant to run with, applied over {@code spring.kafka.producer.*} and
     * under {@code nova.ingestion.producer.*} (README, "Kafka producer", says why each one).
     */
    public static final Map<String, Object> LATENCY_SETTINGS = Map.ofEntries(
            Map.entry(ProducerConfig.ACKS_CONFIG, "1"),
            Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"),
            Map.entry(ProducerConfig.RETRIES_CONFIG, "0"),
            Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"),
            Map.entry(ProducerConfig.LINGER_MS_CONFIG, "0"),
            Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, "65536"),
            Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
            Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, "16777216"),
            Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0"),
            Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000"),
            Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "3000"));

    private final KafkaProducer<String, byte[]> producer;
    /**
     * The producer's own metrics (batch sizes, request latency, buffer, errors) as kafka_producer_* on /prometheus,
     * with the tag keys Spring gives its own producers' metrics ({@code spring.id}): Prometheus keeps one set of label
     * names per metric, and a second set would drop the other producers' series.
     */
    private final KafkaClientMetrics clientMetrics;
    private final TopicMeters quotes;
    private final TopicMeters funding;

    public KafkaMarketDataPublisher(Map<String, Object> producerConfig, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.clientMetrics = new KafkaClientMetrics(producer, Tags.of("spring.id", "market-data"));
        clientMetrics.bindTo(registry);
        this.quotes = new TopicMeters(Topics.QUOTES, registry);
        this.funding = new TopicMeters(Topics.FUNDING, registry);
    }

    @Override
    public void publish(Quote quote, long receivedNanos) {
        send(quotes, quote.symbol(), MarketDataJson.quote(quote), receivedNanos);
    }

    @Override
    public void publish(FundingRate rate, long receivedNanos) {
        send(funding, rate.symbol(), MarketDataJson.funding(rate), receivedNanos);
    }

    private void send(TopicMeters meters, String key, byte[] value, long receivedNanos) {
        try {
            producer.send(new ProducerRecord<>(meters.topic, key, value), meters.callback(receivedNanos));
            meters.handoff.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
        } catch (KafkaException e) {
            // TimeoutException (no metadata within max.block.ms), BufferExhaustedException, or a closed producer.
            meters.dropped(e);
        }
    }

    @Override
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String topic : new String[]{Topics.QUOTES, Topics.FUNDING}) {
            while (true) {
                try {
                    // With max.block.ms 0 this returns cached metadata or fails at once while a fetch is under way.
                    producer.partitionsFor(topic);
                    break;
                } catch (KafkaException e) {
                    if (System.nanoTime() > deadline) {
                        log.warn("no metadata for {} after {}; publishing will drop until the broker answers", topic, timeout);
                        return false;
                    }
                    sleep();
                }
            }
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        clientMetrics.close();
        producer.close(Duration.ofSeconds(2));
    }

    private static final class TopicMeters {
        final String topic;
        final Timer latency;
        final Timer handoff;
        final Counter sendErrors;
        final MeterRegistry registry;

        TopicMeters(String topic, MeterRegistry registry) {
            this.topic = topic;
            this.registry = registry;
            // The service's own share: from the frame's arrival to the record handed to the producer (parse, checks,
            // encoding, send()). What follows is the producer's batching and the broker's round trip: publish.latency.
            this.handoff = Timer.builder("nova.ingestion.handoff.latency")
                    .description("Frame received to record handed to the Kafka producer: the service's own latency")
                    .tags("topic", topic)
                    .publishPercentiles(0.5, 0.99, 0.999)
                    .serviceLevelObjectives(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(5))
                    .minimumExpectedValue(Duration.ofNanos(1_000))
                    .maximumExpectedValue(Duration.ofSeconds(1))
                    .register(registry);
            this.latency = Timer.builder("nova.ingestion.publish.latency")
                    .description("Frame received to Kafka acknowledgement: the service's share and the broker's round trip")
                    .tags("topic", topic)
                    .publishPercentiles(0.5, 0.99, 0.999)
                    .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25))
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
            this.sendErrors = Counter.builder("nova.ingestion.kafka.send.errors")
                    .description("Records the broker did not acknowledge")
                    .tags("topic", topic)
                    .register(registry);
        }

        Callback callback(long receivedNanos) {
            return (metadata, error) -> {
                if (error == null) {
                    latency.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
                } else {
                    sendErrors.increment();
                }
            };
        }

        void dropped(KafkaException e) {
            registry.counter("nova.ingestion.kafka.dropped", "topic", topic, "reason", e.getClass().getSimpleName()).increment();
        }
    }
}
