package com.novaquant.benchmarks.ingestion;

import com.novaquant.binance.stream.StreamPlanner;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.events.Topics;
import com.novaquant.ingestion.adapter.binance.BinanceFeeds;
import com.novaquant.ingestion.adapter.binance.FrameRecording;
import com.novaquant.ingestion.adapter.binance.MarketDataWiring;
import com.novaquant.ingestion.adapter.kafka.KafkaMarketDataPublisher;
import com.novaquant.ingestion.application.ClockOffsets;
import com.novaquant.ingestion.application.FeedMonitor;
import com.novaquant.ingestion.application.FeedWatchdog;
import com.novaquant.ingestion.application.IngestionMetrics;
import com.novaquant.ingestion.application.MarketDataIngestion;
import com.novaquant.testsupport.InProcessKafka;
import com.novaquant.testsupport.KafkaServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Load program for the ingestion pipeline (not a test): a loopback Binance server ({@link LoadServer}) pushes
 * bookTicker updates at each requested rate into the service's own pipeline (binance-streams connections, the
 * ingestion use case, the feed watchdog and the latency-tuned Kafka publisher, wired as the service wires them)
 * against a real Kafka broker, and prints per rate: offered, received and Kafka-acknowledged updates per second,
 * drops, and the service's own latency from frame received to Kafka acknowledgement (p50/p99/p99.9/max).
 *
 * <p>Run: {@code java -cp verification/benchmarks/target/benchmarks.jar com.novaquant.benchmarks.ingestion.IngestionLoad
 * [rates=10000,50000,100000] [seconds=20] [symbols=10] [bootstrap=host:port]}; without {@code bootstrap} an
 * in-process KRaft broker is started (same JVM, so the broker's CPU counts against the pipeline's).
 */
public final class IngestionLoad {

    private IngestionLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        long[] rates = Arrays.stream(options.getOrDefault("rates", "10000,50000,100000").split(","))
                .mapToLong(Long::parseLong).toArray();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int symbolCount = Integer.parseInt(options.getOrDefault("symbols", "10"));
        List<String> symbols = IntStream.range(0, symbolCount).mapToObj(i -> "SYM" + i + "USDT").toList();

        KafkaServer broker = options.containsKey("bootstrap") ? null
                : InProcessKafka.start(0, 3, Topics.QUOTES, Topics.FUNDING, Topics.ALERTS);
        String bootstrap = broker != null ? broker.bootstrapServers() : options.get("bootstrap");
        System.out.printf("ingestion load: %s, %d cores, JDK %s, broker %s (%s), %d symbols (%d book-ticker streams), %d s per rate%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), bootstrap,
                broker != null ? broker.kind() : "external", symbolCount, 2 * symbolCount, seconds);
        System.out.println("load average before: " + loadAverage());

        try (LoadServer server = new LoadServer()) {
            System.out.println("warm-up: 10000/s for 10 s (not reported)");
            run(server, symbols, bootstrap, 10_000, 10);
            System.out.println();
            // Own: frame received -> record handed to the producer (the service's share). Ack: frame received ->
            // the broker's acknowledgement (the service's share, the producer's batching and the broker's round trip).
            System.out.println("| target/s | offered/s | received/s | Kafka-acked/s | dropped | rejected "
                    + "| own p50 | own p99 | own p99.9 | own max | ack p50 | ack p99 | ack p99.9 | ack max |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (long rate : rates) {
                System.out.println(run(server, symbols, bootstrap, rate, seconds).row());
            }
            System.out.println("load average after: " + loadAverage());
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        System.exit(0);
    }

    /** Percentiles and maximum of one latency, in milliseconds. */
    record Latency(double p50, double p99, double p999, double max) {
        static Latency of(Timer timer) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            return new Latency(percentile(snapshot, 0.5), percentile(snapshot, 0.99), percentile(snapshot, 0.999),
                    snapshot.max(TimeUnit.MILLISECONDS));
        }

        String cells() {
            return String.format("%.3f ms | %.3f ms | %.3f ms | %.3f ms", p50, p99, p999, max);
        }
    }

    record Result(long rate, double offeredPerSecond, double receivedPerSecond, double ackedPerSecond, long dropped,
                  long rejected, Latency own, Latency ack) {
        String row() {
            return String.format("| %,d | %,.0f | %,.0f | %,.0f | %,d | %,d | %s | %s |",
                    rate, offeredPerSecond, receivedPerSecond, ackedPerSecond, dropped, rejected, own.cells(),
                    ack.cells());
        }
    }

    private static Result run(LoadServer server, List<String> symbols, String bootstrap, long rate, int seconds) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // Exact-enough percentiles over the whole run: 3 significant digits, no decay within the run.
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("nova.ingestion.publish.latency")
                        || id.getName().equals("nova.ingestion.handoff.latency")) {
                    return DistributionStatisticConfig.builder().percentiles(0.5, 0.99, 0.999).percentilePrecision(3)
                            .expiry(Duration.ofHours(1)).bufferLength(1).build().merge(config);
                }
                return config;
            }
        });
        SymbolTable symbolTable = new SymbolTable(symbols);
        BinanceFeeds feeds = new BinanceFeeds(StreamPlanner.plan(server.spotBase(), server.futuresBase(), symbols, 1, 1),
                StreamSettings.defaults(), symbolTable, Clock.systemUTC());
        FeedMonitor monitor = new FeedMonitor(feeds.topology(), Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(10), System::nanoTime);
        IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200));
        Map<String, Object> producer = new HashMap<>(KafkaMarketDataPublisher.LATENCY_SETTINGS);
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        KafkaMarketDataPublisher publisher = new KafkaMarketDataPublisher(producer, registry);
        MarketDataIngestion ingestion = new MarketDataIngestion(monitor, metrics, new ClockOffsets(), publisher);
        FeedWatchdog watchdog = new FeedWatchdog(monitor, feeds,
                (severity, code, text, key) -> System.out.printf("  alert %s %s %s: %s%n", severity, code, key, text),
                metrics, Duration.ofMinutes(5), 5, Duration.ofSeconds(60), System::nanoTime);
        publisher.awaitReady(Duration.ofSeconds(30));
        monitor.start();
        feeds.start(new MarketDataWiring(ingestion, monitor, watchdog, metrics, FrameRecording.NONE));
        watchdog.start(Duration.ofMillis(250));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!monitor.health().downConnections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        long offeredBefore = server.offered();
        long start = System.nanoTime();
        server.rate(rate);
        Thread.sleep(seconds * 1000L);
        server.rate(0);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long offered = server.offered() - offeredBefore;
        // Let what is in flight arrive and be acknowledged before counting.
        long received = -1;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            long now = bookTickers(registry);
            if (now == received) {
                break;
            }
            received = now;
        }
        Thread.sleep(500);
        Timer latency = registry.get("nova.ingestion.publish.latency").tag("topic", Topics.QUOTES).timer();
        Latency ack = Latency.of(latency);
        Latency own = Latency.of(registry.get("nova.ingestion.handoff.latency").tag("topic", Topics.QUOTES).timer());
        long dropped = (long) (sum(registry, "nova.ingestion.kafka.dropped") + sum(registry, "nova.ingestion.kafka.send.errors"));
        long rejected = (long) sum(registry, "nova.ingestion.rejected");

        feeds.stop();
        watchdog.close();
        publisher.close();
        Thread.sleep(500);
        return new Result(rate, offered / elapsed, received / elapsed, latency.count() / elapsed, dropped, rejected,
                own, ack);
    }

    /** The host's load average (Linux), printed beside the figures: on a shared 2-core box it explains a lot. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long bookTickers(SimpleMeterRegistry registry) {
        return (long) registry.find("nova.ingestion.messages").counters().stream()
                .filter(c -> c.getId().getTag("stream").endsWith("@bookTicker")).mapToDouble(Counter::count).sum();
    }

    private static double sum(SimpleMeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double percentile(HistogramSnapshot snapshot, double p) {
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == p) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
