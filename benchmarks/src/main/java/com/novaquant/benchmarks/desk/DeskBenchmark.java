package com.novaquant.benchmarks.desk;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.FundingRate;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.OrderEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.localstack.Desk;
import com.novaquant.localstack.DeskConfig;
import com.novaquant.localstack.DeskHttp;
import com.novaquant.testsupport.KafkaProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk under load: the simulator pushes book tickers for N symbols at a chosen total rate through ingestion,
 * signal and execution (real Kafka, real PostgreSQL, every service in its own JVM with the shared flags). Reports
 * sustained throughput, drops, ingestion lag, tick-to-signal and tick-to-order latency, GC pauses, CPU and RSS per
 * process, and, in the same run and on the same broker, Kafka's own two-hop latency at the same rate.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.novaquant.benchmarks.desk.DeskBenchmark [--rate 10000]
 *      [--symbols 10] [--seconds 60] [--warmup 30]</pre>
 * Run from the repository root after {@code ./nq mvn -q -B install -DskipTests}. Writes target/desk-benchmark.md and
 * .json under benchmarks/.
 */
public final class DeskBenchmark {

    private static final String STAGE_METRIC = "nova_execution_signal_stage_seconds";

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT",
            "DOGEUSDT", "ADAUSDT", "AVAXUSDT", "LINKUSDT", "DOTUSDT", "LTCUSDT", "TRXUSDT", "MATICUSDT", "ATOMUSDT",
            "NEARUSDT", "APTUSDT", "ARBUSDT", "OPUSDT", "FILUSDT", "ETCUSDT");
    private static final Pattern SAFEPOINT_TOTAL = Pattern.compile("Total: (\\d+) ns");
    /** ZGC's stop-the-world phases, e.g. "GC(12) y: Pause Mark Start 0.011ms". */
    private static final Pattern GC_PAUSE = Pattern.compile("Pause [A-Za-z ]+ ([0-9.]+)ms");

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 10_000;
        int symbolCount = 10;
        int seconds = 60;
        int warmup = 30;
        List<String> jvm = new ArrayList<>();
        Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
        List<String> variant = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--symbols" -> symbolCount = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                // Extra flags for every service JVM, for A/B runs of a JVM choice (e.g. --jvm -XX:+UseG1GC).
                case "--jvm" -> jvm.add(args[++i]);
                // An extra Spring argument for one service, e.g. --arg ingestion=--nova.ingestion.producer.linger.ms=1
                case "--arg" -> {
                    String[] parts = args[++i].split("=", 2);
                    serviceArgs.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> symbols = SYMBOLS.subList(0, Math.min(symbolCount, SYMBOLS.size()));
        int perStream = Math.max(1, rate / (symbols.size() * 2));
        String symbolList = String.join(",", symbols);
        Path work = Path.of("benchmarks/target/desk-benchmark-run").toAbsolutePath();
        Files.createDirectories(work);

        Map<String, List<String>> extra = new LinkedHashMap<>();
        // Funding spikes for 10 s of every 20 s (wall time), far below the exit threshold in between, and a short
        // signal cooldown: every symbol opens and closes its pair over and over, warm-up included, so the window
        // holds enough orders for its percentiles (all symbols at once: the burst is the worst case).
        extra.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.symbols=" + symbolList,
                "--nova.simulator.quote-rate=" + perStream, "--nova.simulator.clock-speed=60",
                "--nova.simulator.funding.spike-start=30m", "--nova.simulator.funding.spike-duration=10m",
                "--nova.simulator.funding.spike-every=20m", "--nova.simulator.funding.base-rate=0.00001"));
        for (String service : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
            extra.put(service, List.of("--nova.symbols=" + symbolList));
        }
        extra.put(DeskConfig.SIGNAL, List.of("--nova.symbols=" + symbolList, "--nova.signal.cooldown=5s"));
        serviceArgs.forEach((service, list) -> {
            List<String> all = new ArrayList<>(extra.getOrDefault(service, List.of()));
            all.addAll(list);
            extra.put(service, all);
            variant.add(service + ": `" + String.join(" ", list) + "`");
        });
        DeskConfig config = new DeskConfig(Path.of("").toAbsolutePath(), work, "synthetic", 0, 0, DeskConfig.freePorts(),
                null, "100001", UUID.randomUUID().toString(), extra,
                jvmOptions(work, jvm));

        // The broker runs in a process of its own, as it does beside a real desk, with the collector a Kafka broker is
        // usually given (G1 with a short pause goal): inside this JVM it would share the harness's collector and
        // safepoints, and each of them would stall every Kafka hop measured. Its heap is sized for a local desk's
        // traffic (the log lives in the page cache, not the heap): with 512 MiB it grew to 670 MiB resident.
        KafkaProcess kafka = KafkaProcess.start(work.resolve("kafka"), 3,
                List.of("-Xms384m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"));
        try (kafka; Desk desk = new Desk(config, System.out, kafka)) {
            desk.start(Duration.ofMinutes(4));
            Map<String, Long> pids = new LinkedHashMap<>(desk.pids());
            pids.put("kafka", kafka.pid());
            long postmaster = postmaster(desk.postgres().port());

            // One consumer reads every topic, kept busy by the quotes; a second reads the signals alone with the
            // consumer defaults (a long poll, as execution reads them), to tell the hop from the reader.
            Observer observer = new Observer(desk.kafkaBootstrapServers(), OBSERVED_TOPICS, 5);
            Observer signalReader = new Observer(desk.kafkaBootstrapServers(), List.of(Topics.SIGNALS), 500);
            Thread observing = Thread.ofPlatform().name("observer").start(observer);
            Thread readingSignals = Thread.ofPlatform().name("signal-reader").start(signalReader);
            System.out.printf("[bench] warming up %d s at %d updates/s over %d symbols%n", warmup, perStream * symbols.size() * 2, symbols.size());
            Thread.sleep(warmup * 1000L);
            String haltedByWarmUp = releaseKillSwitchIfEngaged(config);
            if (haltedByWarmUp != null) {
                System.out.println("[bench] the kill switch was engaged during warm-up (" + haltedByWarmUp
                        + "); released, and warming up another " + warmup + " s");
                Thread.sleep(warmup * 1000L);
            }

            observer.reset();
            signalReader.reset();
            Map<Path, Integer> logLinesBefore = logLines(work);
            Map<String, Double> countersBefore = counters(config);
            Map<String, ProcessStats> before = new LinkedHashMap<>();
            pids.forEach((name, pid) -> before.put(name, ProcessStats.of(pid)));
            before.put("postgres", ProcessStats.ofTree(postmaster));
            before.put(HARNESS, ProcessStats.of(ProcessHandle.current().pid()));
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Map<String, ProcessStats> after = new LinkedHashMap<>();
            pids.forEach((name, pid) -> after.put(name, ProcessStats.of(pid)));
            after.put("postgres", ProcessStats.ofTree(postmaster));
            after.put(HARNESS, ProcessStats.of(ProcessHandle.current().pid()));
            Map<String, Double> countersAfter = counters(config);
            Result result = observer.snapshot(elapsed);
            result.signalHopLongPoll = signalReader.snapshot(elapsed).signalHop;
            observer.stop();
            signalReader.stop();
            observing.join();
            readingSignals.join();

            System.out.println("[bench] Kafka's own two-hop chain at the same rate on the same broker...");
            Percentiles twoHop = KafkaTwoHop.run(desk.kafkaBootstrapServers(), perStream * symbols.size() * 2, Duration.ofSeconds(20),
                    KafkaTwoHop.Clients.FEED);
            // Signals and orders are a few a second, not 10,000: their hops meet cold code and sleeping threads, which
            // a chain kept busy at the feed's rate does not. The same two hops at their rate, beside the same load.
            System.out.println("[bench] Kafka's own two-hop chain at " + EVENT_RATE + "/s with the services' event settings...");
            Percentiles eventTwoHop = KafkaTwoHop.run(desk.kafkaBootstrapServers(), EVENT_RATE, Duration.ofSeconds(30),
                    KafkaTwoHop.Clients.EVENTS);

            // Pauses of the measured window only: start-up and warm-up (class loading, JIT) are not the steady state.
            Percentiles pauses = pauses(work, "safepoint-", SAFEPOINT_TOTAL, logLinesBefore, 1_000, file -> true);
            // The simulator stands in for the exchange: its pauses are reported apart from the desk's.
            Path simulatorGcLog = work.resolve("gc-" + pids.get(DeskConfig.SIMULATOR) + ".log");
            Predicate<Path> simulator = simulatorGcLog::equals;
            Percentiles gcPauses = pauses(work, "gc-", GC_PAUSE, logLinesBefore, 0, simulator.negate());
            Percentiles simulatorGcPauses = pauses(work, "gc-", GC_PAUSE, logLinesBefore, 0, simulator);
            if (!jvm.isEmpty()) {
                variant.add(0, "every service JVM: `" + String.join(" ", jvm) + "`");
            }
            String report = report(variant, symbols.size(), perStream * symbols.size() * 2, seconds, result, twoHop, eventTwoHop, gcPauses,
                    simulatorGcPauses, pauses,
                    countersBefore, countersAfter, before, after, elapsed);
            System.out.println(report);
            Files.writeString(Path.of("benchmarks/target/desk-benchmark.md"), report);
            Files.writeString(Path.of("benchmarks/target/desk-benchmark.json"), json(result, twoHop, eventTwoHop, gcPauses, simulatorGcPauses, pauses, before, after, elapsed,
                    countersBefore, countersAfter, perStream * symbols.size() * 2));
        }
    }

    private static List<String> jvmOptions(Path work, List<String> extra) {
        List<String> options = new ArrayList<>(List.of("-Xlog:safepoint:file=" + work + "/safepoint-%p.log",
                "-Xlog:gc+phases=info:file=" + work + "/gc-%p.log"));
        options.addAll(extra);
        return options;
    }

    /** Reads the topics the way an auditor would: every quote, signal and order event, timestamped on arrival. */
    static final class Observer implements Runnable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Result current = new Result();

        Observer(String bootstrap, List<String> topics, int fetchMaxWaitMs) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "desk-benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(fetchMaxWaitMs)),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(topics);
        }

        @Override
        public void run() {
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

        synchronized void reset() {
            current = new Result();
        }

        synchronized Result snapshot(double seconds) {
            current.seconds = seconds;
            return current;
        }

        void stop() {
            running.set(false);
        }
    }

    /**
     * The embedded PostgreSQL's postmaster (pg_ctl starts it detached, so it is no descendant of this JVM): the
     * postgres process listening on the desk's port; -1 when not found (its row then reads zero).
     */
    private static long postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> java.util.Arrays.asList(p.info().arguments().orElse(new String[0])).contains(String.valueOf(port)))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** The rate of the signal-like reference chain: about the desk's signals and order events per second. */
    private static final int EVENT_RATE = 5;
    private static final List<String> OBSERVED_TOPICS = List.of(Topics.QUOTES, Topics.FUNDING, Topics.SIGNALS, Topics.EXEC_EVENTS);

    /** This JVM: the observers, the Kafka two-hops and the report; measured, but not part of the desk. */
    private static final String HARNESS = "harness (not the desk)";

    static final class Result {
        long quotes;
        long undecodable;
        double seconds;
        final Percentiles feedLag = new Percentiles();
        final Percentiles quoteHop = new Percentiles();
        final Percentiles fundingHop = new Percentiles();
        final Percentiles tickToSignal = new Percentiles();
        final Percentiles triggerToSignal = new Percentiles();
        final Percentiles signalHop = new Percentiles();
        /** The same hop as a consumer of the signals topic alone sees it (set from the second reader). */
        Percentiles signalHopLongPoll = new Percentiles();
        final Percentiles tickToOrder = new Percentiles();
        final Percentiles signalToOrder = new Percentiles();
        final Set<String> ordersSeen = new HashSet<>();

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

    /**
     * Start-up under full load (every JVM still compiling) can lag the feeds past the reconnect threshold often enough
     * to trip the reconnect-storm halt: the desk then rightly stops trading, and the window would hold no order. The
     * benchmark measures the steady state, so it releases the switch, as an operator would, and says so.
     *
     * @return why the switch was engaged, or null if it was not
     */
    private static String releaseKillSwitchIfEngaged(DeskConfig config) {
        String url = "http://localhost:" + config.port(DeskConfig.EXECUTION);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("operator:" + config.adminPassword())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tools.jackson.databind.JsonNode status = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(DeskHttp.send("GET", url + "/admin/status", null, basic).body()).path("killSwitch");
        if (!status.path("engaged").asBoolean()) {
            return null;
        }
        DeskHttp.send("POST", url + "/admin/kill-switch/release", "{\"reason\":\"desk benchmark: warm-up over\"}", basic);
        return status.path("reason").asString();
    }

    /** Sums of the counters that say what was sent, published and dropped, from every process's /actuator/prometheus. */
    private static Map<String, Double> counters(DeskConfig config) {
        Map<String, Double> sums = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String name : List.of(DeskConfig.SIMULATOR, DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION)) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + config.managementPort(name) + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (String line : body.split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    String metric = line.replaceAll("[{ ].*", "");
                    if (metric.startsWith(STAGE_METRIC)) {
                        // Execution's own stages: sum and count per stage, for the mean of the window.
                        String stage = line.replaceAll(".*stage=\"([a-z_]+)\".*", "$1");
                        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        sums.merge(name + ":" + metric + ":" + stage, value, Double::sum);
                    } else if (metric.startsWith("nova_") && metric.endsWith("_total")) {
                        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        sums.merge(name + ":" + metric, value, Double::sum);
                    }
                }
            } catch (IOException | RuntimeException e) {
                sums.put(name + ":unreachable", 1.0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sums;
    }

    private static Map<Path, Integer> logLines(Path work) throws IOException {
        Map<Path, Integer> lines = new LinkedHashMap<>();
        try (var files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                lines.put(file, Files.readAllLines(file).size());
            }
        }
        return lines;
    }

    /**
     * Pause durations in microseconds from the JVM logs {@code include} takes, counting only lines written after
     * {@code linesBefore} was taken; {@code nanosPerUnit} 1,000 reads nanoseconds, 0 reads milliseconds with a fraction.
     */
    private static Percentiles pauses(Path work, String prefix, Pattern pattern, Map<Path, Integer> linesBefore,
                                      long nanosPerUnit, Predicate<Path> include) throws IOException {
        Percentiles pauses = new Percentiles();
        try (var files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).filter(include).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (String line : lines.subList(Math.min(lines.size(), linesBefore.getOrDefault(file, 0)), lines.size())) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        pauses.add(nanosPerUnit > 0 ? Long.parseLong(m.group(1)) / nanosPerUnit
                                : Math.round(Double.parseDouble(m.group(1)) * 1_000));
                    }
                }
            }
        }
        return pauses;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            double d = v - before.getOrDefault(k, 0.0);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    private static String report(List<String> variant, int symbols, int rate, int seconds, Result r, Percentiles twoHop, Percentiles eventTwoHop, Percentiles gcPauses,
                                 Percentiles simulatorGcPauses,
                                 Percentiles pauses,
                                 Map<String, Double> cBefore, Map<String, Double> cAfter,
                                 Map<String, ProcessStats> before, Map<String, ProcessStats> after, double elapsed) {
        StringBuilder md = new StringBuilder();
        md.append("### Desk benchmark, ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, JDK ").append(Runtime.version()).append("\n\n");
        for (String line : variant) {
            md.append("Variant: ").append(line).append("\n\n");
        }
        md.append(String.format("Offered: %d book-ticker updates/s over %d symbols x 2 venues, measured for %d s after warm-up.%n%n", rate, symbols, seconds));
        md.append("| figure | value |\n|---|---|\n");
        md.append(String.format("| quotes published and consumed | %.0f /s |%n", r.quotes / r.seconds));
        md.append(String.format("| undecodable records | %d |%n", r.undecodable));
        md.append("| ingestion lag (exchange event -> frame received) p50/p99/p99.9 | ").append(r.feedLag.describe()).append(" |\n");
        md.append("| tick -> quote consumed (ingestion + one Kafka hop) p50/p99/p99.9 | ").append(r.quoteHop.describe()).append(" |\n");
        md.append("| funding update -> consumed (ingestion + one Kafka hop) p50/p99/p99.9 | ").append(r.fundingHop.describe()).append(" |\n");
        md.append("| tick -> signal p50/p99/p99.9 | ").append(r.tickToSignal.describe()).append(" |\n");
        md.append("| newest input (quote or funding) -> signal p50/p99/p99.9 | ").append(r.triggerToSignal.describe()).append(" |\n");
        md.append("| signal decided -> read back from Kafka p50/p99/p99.9 | ").append(r.signalHop.describe()).append(" |\n");
        md.append("| signal decided -> read by a consumer of the signals topic alone (long poll, as execution reads it) p50/p99/p99.9 | ")
                .append(r.signalHopLongPoll.describe()).append(" |\n");
        md.append("| tick -> order sent p50/p99/p99.9 | ").append(r.tickToOrder.describe()).append(" |\n");
        md.append("| signal -> order sent p50/p99/p99.9 | ").append(r.signalToOrder.describe()).append(" |\n");
        md.append("| Kafka's own two hops at the same rate p50/p99/p99.9 | ").append(twoHop.describe()).append(" |\n");
        md.append("| Kafka's own two hops at ").append(EVENT_RATE).append("/s (signal-like: acks=all, idempotent, long-poll consumers), beside the load, p50/p99/p99.9 | ")
                .append(eventTwoHop.describe()).append(" |\n");
        md.append("| GC pauses (ZGC stop-the-world phases), the four services, p50/p99/p99.9 | ").append(gcPauses.describe()).append(" |\n");
        md.append("| GC pauses of the exchange simulator (not the desk) p50/p99/p99.9 | ").append(simulatorGcPauses.describe()).append(" |\n");
        md.append("| JVM safepoint operations incl. time to reach them, all services, p50/p99/p99.9 | ").append(pauses.describe()).append(" |\n");
        md.append("\n| process | CPU (% of one core) | RSS |\n|---|---|---|\n");
        long totalRss = 0;
        for (String name : after.keySet()) {
            ProcessStats a = after.get(name);
            if (!name.equals(HARNESS)) {
                totalRss += a.rssKb();
            }
            md.append(String.format("| %s | %.0f %% | %d MiB |%n", name, ProcessStats.cpuPercent(before.get(name), a, elapsed), a.rssKb() / 1024));
        }
        md.append(String.format("| **the desk (all but the harness)** | | **%d MiB** |%n", totalRss / 1024));
        Map<String, Double> delta = delta(cBefore, cAfter);
        md.append("\nWhere execution's time goes, mean per signal in the window (`nova_execution_signal_stage_seconds`):\n\n"
                + "| stage | signals | mean |\n|---|---|---|\n");
        for (String stage : stages(delta)) {
            double count = delta.getOrDefault(DeskConfig.EXECUTION + ":" + STAGE_METRIC + "_count:" + stage, 0.0);
            double sum = delta.getOrDefault(DeskConfig.EXECUTION + ":" + STAGE_METRIC + "_sum:" + stage, 0.0);
            md.append(String.format("| %s | %.0f | %s |%n", stage, count, count == 0 ? "-" : String.format("%.2f ms", sum / count * 1000)));
        }
        md.append("\nCounters during the window (per second):\n\n| counter | /s |\n|---|---|\n");
        delta.forEach((k, v) -> {
            if (!k.contains(STAGE_METRIC)) {
                md.append(String.format("| %s | %.1f |%n", k, v / elapsed));
            }
        });
        return md.toString();
    }

    /**
     * Execution's stages in the order a signal passes them (as {@code ExecutionMetrics.SIGNAL_STAGES}), then any other
     * stage the scrape holds, so that a stage added there is reported before this list is told of it.
     */
    private static List<String> stages(Map<String, Double> delta) {
        List<String> stages = new ArrayList<>(List.of("decode", "consumed", "delivery", "wait", "exposure", "decide",
                "write_ahead", "dispatch"));
        String prefix = DeskConfig.EXECUTION + ":" + STAGE_METRIC + "_count:";
        delta.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .filter(stage -> !stages.contains(stage)).forEach(stages::add);
        return stages;
    }

    private static String json(Result r, Percentiles twoHop, Percentiles eventTwoHop, Percentiles gcPauses, Percentiles simulatorGcPauses, Percentiles pauses, Map<String, ProcessStats> before,
                               Map<String, ProcessStats> after, double elapsed, Map<String, Double> cBefore,
                               Map<String, Double> cAfter, int rate) {
        List<String> parts = new ArrayList<>();
        parts.add("\"offeredRate\":" + rate);
        parts.add(String.format("\"quotesPerSecond\":%.1f", r.quotes / r.seconds));
        parts.add(latency("feedLag", r.feedLag));
        parts.add(latency("tickToQuoteConsumed", r.quoteHop));
        parts.add(latency("fundingUpdateConsumed", r.fundingHop));
        parts.add(latency("tickToSignal", r.tickToSignal));
        parts.add(latency("triggerToSignal", r.triggerToSignal));
        parts.add(latency("signalHop", r.signalHop));
        parts.add(latency("signalHopLongPoll", r.signalHopLongPoll));
        parts.add(latency("tickToOrder", r.tickToOrder));
        parts.add(latency("signalToOrder", r.signalToOrder));
        parts.add(latency("kafkaTwoHop", twoHop));
        parts.add(latency("kafkaEventTwoHop", eventTwoHop));
        parts.add(latency("gcPause", gcPauses));
        parts.add(latency("simulatorGcPause", simulatorGcPauses));
        parts.add(latency("safepointPause", pauses));
        List<String> processes = new ArrayList<>();
        after.forEach((name, a) -> processes.add(String.format("\"%s\":{\"cpuPercent\":%.1f,\"rssMiB\":%d}", name,
                ProcessStats.cpuPercent(before.get(name), a, elapsed), a.rssKb() / 1024)));
        parts.add("\"processes\":{" + String.join(",", processes) + "}");
        List<String> counters = new ArrayList<>();
        delta(cBefore, cAfter).forEach((k, v) -> counters.add(String.format("\"%s\":%.1f", k, v / elapsed)));
        parts.add("\"countersPerSecond\":{" + String.join(",", counters) + "}");
        return "{" + String.join(",", parts) + "}\n";
    }

    private static String latency(String name, Percentiles p) {
        return String.format("\"%s\":{\"count\":%d,\"p50Micros\":%d,\"p99Micros\":%d,\"p999Micros\":%d}", name, p.count(),
                p.quantile(0.5), p.quantile(0.99), p.quantile(0.999));
    }
}
