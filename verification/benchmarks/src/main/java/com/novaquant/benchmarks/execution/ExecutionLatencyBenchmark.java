package com.novaquant.benchmarks.execution;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.OrderEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.ids.SignalId;
import com.novaquant.localstack.Desk;
import com.novaquant.localstack.DeskConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Signal-to-order latency of execution-service through real Kafka against the exchange simulator: the local desk
 * (simulator, ingestion, signal, execution, alert; embedded Kafka and PostgreSQL) is started, then signals that
 * alternately open and close a pair on a symbol no other service trades are published on {@code nova.signals},
 * one at a time. For each, the SENT order events on {@code nova.exec.events} give signal-to-order latency
 * ({@code atMicros - signalDecidedAtMicros}) per leg, and the last final order event gives signal-to-hedged.
 *
 * Signals are spaced by {@code --pause-ms} after each execution finished: every execution reads the account
 * afterwards (weight 20 on spot) and places one spot order, so back-to-back signals would run into the exchange's
 * request-weight and order-count limits — a rate no desk reaches, since signals are cooled down per symbol.
 *
 * <pre>java -cp verification/benchmarks/target/benchmarks.jar com.novaquant.benchmarks.execution.ExecutionLatencyBenchmark [--signals 200] [--warmup 20] [--pause-ms 300]</pre>
 * Run from the repository root after the service jars are built ({@code ./nq mvn -q -B install -DskipTests}).
 */
public final class ExecutionLatencyBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SYMBOL = "XBNUSDT";

    private ExecutionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int signals = intArg(args, "--signals", 200);
        int warmup = intArg(args, "--warmup", 20);
        int pauseMs = intArg(args, "--pause-ms", 300);
        Path work = Path.of("verification/benchmarks/target/execution-latency-run").toAbsolutePath();
        Files.createDirectories(work);
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.symbols=BTCUSDT," + SYMBOL));
        extra.put(DeskConfig.EXECUTION, List.of("--nova.symbols=BTCUSDT," + SYMBOL,
                "--nova.execution.risk.max-daily-loss=1000000"));
        DeskConfig config = new DeskConfig(Path.of("").toAbsolutePath(), work, "synthetic", 0, 0, DeskConfig.freePorts(),
                null, "100001", UUID.randomUUID().toString(), extra, List.of());
        try (Desk desk = new Desk(config, System.out)) {
            desk.start(Duration.ofMinutes(4));
            String simulator = "http://localhost:" + config.port(DeskConfig.SIMULATOR);
            // Sealed as signal-service seals them: execution trades nothing else.
            com.novaquant.events.RecordSeal seal = com.novaquant.events.RecordSeal.parse(desk.signingKeys());
            List<Long> signalToOrder = new ArrayList<>();
            List<Long> signalToHedged = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = producer(desk.kafkaClientProperties());
                 KafkaConsumer<String, byte[]> consumer = consumer(desk.kafkaClientProperties())) {
                consumer.subscribe(List.of(Topics.EXEC_EVENTS));
                consumer.poll(Duration.ofSeconds(2));
                int unfinishedInARow = 0;
                for (int i = 0; i < warmup + signals && unfinishedInARow < 3; i++) {
                    Thread.sleep(pauseMs);
                    Signal signal = signal(i % 2 == 0 ? BigDecimal.ONE : BigDecimal.ZERO,
                            book(simulator, "/spot/api/v3/ticker/bookTicker"),
                            book(simulator, "/futures/fapi/v1/ticker/bookTicker"));
                    byte[] value = EventCodec.encode(signal);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SIGNALS, signal.key(), value);
                    seal.seal(Topics.SIGNALS, signal.key(), value, record.headers());
                    producer.send(record).get();
                    long[] result = awaitExecution(consumer, signal);
                    unfinishedInARow = result == null ? unfinishedInARow + 1 : 0;
                    if (i >= warmup && result != null) {
                        signalToOrder.add(result[0]);
                        signalToOrder.add(result[1]);
                        signalToHedged.add(result[2]);
                    }
                }
                if (unfinishedInARow >= 3) {
                    System.out.println("Stopped: three executions in a row did not finish (kill switch engaged? see the log above)");
                }
            }
            System.out.println();
            System.out.println("execution-service, " + signals + " signals (" + warmup + " warm-up, " + pauseMs
                    + " ms apart) through real Kafka against the simulator");
            print("signal-to-order (per leg)", signalToOrder);
            print("signal-to-hedged (both legs final)", signalToHedged);
            printServiceSide(config.managementPort(DeskConfig.EXECUTION));
        }
    }

    /**
     * The service's own view of the same run: the time from a signal's arrival in execution-service to both orders
     * handed to the venue (mean and max; the scrape has no quantiles), and the account reads by trigger. Separates
     * the Kafka hop from the service's work. Absent on builds without these meters.
     */
    /** @param port execution's management port, where its /actuator/prometheus answers */
    private static void printServiceSide(int port) {
        try {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Double> values = new LinkedHashMap<>();
            for (String line : scrape.body().split("\n")) {
                if (line.startsWith("nova_execution_signal_received_to_orders_seconds_") && !line.contains("bucket")
                        || line.startsWith("nova_execution_account_reads_total")) {
                    int space = line.lastIndexOf(' ');
                    values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
            Double count = find(values, "nova_execution_signal_received_to_orders_seconds_count");
            Double sum = find(values, "nova_execution_signal_received_to_orders_seconds_sum");
            Double max = find(values, "nova_execution_signal_received_to_orders_seconds_max");
            if (count != null && sum != null && count > 0) {
                System.out.printf("in service, signal received to both orders handed to the venue: n=%.0f mean=%.2f ms max(recent)=%.2f ms%n",
                        count, sum / count * 1000, max == null ? Double.NaN : max * 1000);
            }
            values.forEach((name, value) -> {
                if (name.startsWith("nova_execution_account_reads_total") && value > 0) {
                    System.out.printf("%s %.0f%n", name.replaceAll("application=\"[^\"]*\",?", ""), value);
                }
            });
        } catch (java.io.IOException e) {
            System.out.println("execution-service metrics not scraped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Double find(Map<String, Double> values, String prefix) {
        return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** [spot sent, perp sent, last final] latencies in microseconds, or null when the execution did not finish in 30 s. */
    private static long[] awaitExecution(KafkaConsumer<String, byte[]> consumer, Signal signal) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long spotSent = -1;
        long perpSent = -1;
        int finals = 0;
        long lastFinal = -1;
        while (System.nanoTime() < deadline && finals < 2) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                if (!(decode(record.value()) instanceof OrderEvent order) || !signal.signalId().equals(order.signalId())) {
                    continue;
                }
                long latency = order.atMicros() - order.signalDecidedAtMicros();
                switch (order.status()) {
                    case "SENT" -> {
                        if (order.venue() == Venue.SPOT) {
                            spotSent = latency;
                        } else {
                            perpSent = latency;
                        }
                    }
                    case "FILLED", "REJECTED", "EXPIRED", "CANCELED", "NOT_SENT" -> {
                        finals++;
                        lastFinal = Math.max(lastFinal, latency);
                    }
                    default -> {
                    }
                }
            }
        }
        return finals < 2 || spotSent < 0 || perpSent < 0 ? null : new long[]{spotSent, perpSent, lastFinal};
    }

    private static Object decode(byte[] value) {
        try {
            return EventCodec.decode(value, com.novaquant.events.NovaEvent.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The simulator's best bid and ask for the symbol, read before each signal: execution checks a signal's prices
     * against its own book-ticker view, so the signal carries the venue's real book as signal-service's would.
     */
    private static BigDecimal[] book(String simulator, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulator + path + "?symbol="
                + SYMBOL)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode ticker = JSON.readTree(response.body());
        return new BigDecimal[]{new BigDecimal(ticker.path("bidPrice").asString()),
                new BigDecimal(ticker.path("askPrice").asString())};
    }

    private static Signal signal(BigDecimal target, BigDecimal[] spotBook, BigDecimal[] perpBook) {
        long micros = EpochMicros.now();
        Quote spot = new Quote(SYMBOL, Venue.SPOT, spotBook[0], BigDecimal.TEN, spotBook[1], BigDecimal.TEN, 1, 0,
                micros);
        Quote perp = new Quote(SYMBOL, Venue.USDM, perpBook[0], BigDecimal.TEN, perpBook[1], BigDecimal.TEN, 1,
                micros / 1000, micros);
        FundingRate funding = new FundingRate(SYMBOL, new BigDecimal("100"), new BigDecimal("100"),
                new BigDecimal("0.001"), micros / 1000 + 3_600_000, micros / 1000, micros);
        return new Signal(new SignalId(UUID.randomUUID().toString()), SYMBOL, target, target.multiply(spotBook[1]),
                target.signum() == 0 ? Signal.Reason.CARRY_BELOW_EXIT : Signal.Reason.CARRY_ABOVE_ENTRY, 0.2, spot,
                perp, funding, micros, System.currentTimeMillis() + 30_000);
    }

    private static void print(String name, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.println(name + ": no samples");
            return;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", name, sorted.size(),
                at(sorted, 0.50) / 1000.0, at(sorted, 0.99) / 1000.0, sorted.getLast() / 1000.0);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "execution-latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
