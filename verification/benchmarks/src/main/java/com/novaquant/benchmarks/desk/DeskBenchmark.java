package com.novaquant.benchmarks.desk;

import com.novaquant.events.Topics;
import com.novaquant.localstack.Desk;
import com.novaquant.localstack.DeskConfig;
import com.novaquant.localstack.DeskHttp;
import com.novaquant.testsupport.KafkaProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The desk under load at three rates in one run, each a report of its own: realistic (a few symbols at about 1,000
 * book updates/s), busy (10,000/s) and peak (stepped up until a step loses a record or lags). The simulator feeds
 * ingestion, signal and execution over a SASL-authenticated broker and PostgreSQL, every service in its own JVM with
 * the shared flags, as `./nq run` starts them. Beside each latency report, at the same rate and on the same broker,
 * Kafka's own two hops with the services' client settings: the floor.
 *
 * <pre>java -cp verification/benchmarks/target/benchmarks.jar com.novaquant.benchmarks.desk.DeskBenchmark [--symbols 5]
 *      [--realistic 1000] [--busy 10000] [--seconds 120] [--warmup 30] [--peak-from 20000] [--peak-step 10000]
 *      [--peak-to 100000] [--peak-seconds 20] [--phases realistic,busy,peak] [--burst]</pre>
 * Run from the repository root after {@code ./nq mvn -q -B install -DskipTests}. Writes
 * verification/benchmarks/target/desk-benchmark.md and .json.
 */
public final class DeskBenchmark {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT",
            "DOGEUSDT", "ADAUSDT", "AVAXUSDT", "LINKUSDT", "DOTUSDT", "LTCUSDT", "TRXUSDT", "MATICUSDT", "ATOMUSDT",
            "NEARUSDT", "APTUSDT", "ARBUSDT", "OPUSDT", "FILUSDT", "ETCUSDT");
    /** Signals and order events per second on the floor's second hop: about the desk's decisions per second. */
    private static final int EVENT_RATE = 10;
    private static final Duration FLOOR_DURATION = Duration.ofSeconds(30);

    private final Settings settings;
    private final DeskConfig config;
    private final Path work;

    private DeskBenchmark(Settings settings, DeskConfig config, Path work) {
        this.settings = settings;
        this.config = config;
        this.work = work;
    }

    /** What a run measures, from the command line. */
    record Settings(int symbols, int realistic, int busy, int seconds, int warmup, int peakFrom, int peakStep,
                    int peakTo, int peakSeconds, List<String> phases, boolean burst, List<String> jvm,
                    Map<String, List<String>> serviceArgs) {

        static Settings parse(String[] args) {
            int symbols = 5;
            int realistic = 1_000;
            int busy = 10_000;
            int seconds = 120;
            int warmup = 30;
            int peakFrom = 20_000;
            int peakStep = 10_000;
            int peakTo = 100_000;
            int peakSeconds = 20;
            List<String> phases = List.of("realistic", "busy", "peak");
            boolean burst = false;
            List<String> jvm = new ArrayList<>();
            Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--symbols" -> symbols = Integer.parseInt(args[++i]);
                    case "--realistic" -> realistic = Integer.parseInt(args[++i]);
                    case "--busy" -> busy = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--peak-from" -> peakFrom = Integer.parseInt(args[++i]);
                    case "--peak-step" -> peakStep = Integer.parseInt(args[++i]);
                    case "--peak-to" -> peakTo = Integer.parseInt(args[++i]);
                    case "--peak-seconds" -> peakSeconds = Integer.parseInt(args[++i]);
                    case "--phases" -> phases = List.of(args[++i].split(","));
                    // Every symbol's funding spike at the same moment: the desk decides on all of them at once.
                    case "--burst" -> burst = true;
                    // Extra flags for every service JVM, for A/B runs of a JVM choice (e.g. --jvm -XX:+UseG1GC).
                    case "--jvm" -> jvm.add(args[++i]);
                    // An extra Spring argument for one service, e.g. --arg execution=--nova.execution.x=y
                    case "--arg" -> {
                        String[] parts = args[++i].split("=", 2);
                        serviceArgs.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (symbols < 1 || symbols > SYMBOLS.size()) {
                throw new IllegalArgumentException("--symbols must be 1.." + SYMBOLS.size());
            }
            return new Settings(symbols, realistic, busy, seconds, warmup, peakFrom, peakStep, peakTo, peakSeconds,
                    phases, burst, jvm, serviceArgs);
        }

        /** The simulator's rate per symbol and venue for a total rate: each of its steps moves every book once. */
        double perStream(int total) {
            return Math.max(0.1, total / (symbols * 2.0));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        List<String> symbols = SYMBOLS.subList(0, settings.symbols());
        String symbolList = String.join(",", symbols);
        Path work = Path.of("verification/benchmarks/target/desk-benchmark-run").toAbsolutePath();
        Files.createDirectories(work);

        Map<String, List<String>> extra = new LinkedHashMap<>();
        // Funding spikes for 10 s of every 20 s (wall time), far below the exit threshold in between, and a short
        // signal cooldown: every symbol opens and closes its pair over and over, so each window holds enough orders
        // for its percentiles. The symbols' spikes are spread evenly over the period, so decisions come one at a time
        // as on a real market (--burst: all at once, the worst case). Mark prices, with the funding rate, come once a
        // second, as Binance's markPrice@1s stream.
        int firstRate = settings.phases().contains("realistic") ? settings.realistic() : settings.busy();
        long staggerSeconds = settings.burst() ? 0 : 20 * 60 / settings.symbols();
        extra.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.symbols=" + symbolList,
                "--nova.simulator.quote-rate=" + settings.perStream(firstRate), "--nova.simulator.clock-speed=60",
                "--nova.simulator.funding.spike-start=30m", "--nova.simulator.funding.spike-duration=10m",
                "--nova.simulator.funding.spike-every=20m", "--nova.simulator.funding.spike-stagger=" + staggerSeconds + "s",
                "--nova.simulator.funding.base-rate=0.00001"));
        for (String service : List.of(DeskConfig.INGESTION, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
            extra.put(service, List.of("--nova.symbols=" + symbolList));
        }
        extra.put(DeskConfig.SIGNAL, List.of("--nova.symbols=" + symbolList, "--nova.signal.cooldown=5s"));
        List<String> variant = new ArrayList<>();
        settings.serviceArgs().forEach((service, list) -> {
            List<String> all = new ArrayList<>(extra.getOrDefault(service, List.of()));
            all.addAll(list);
            extra.put(service, all);
            variant.add(service + ": `" + String.join(" ", list) + "`");
        });
        if (settings.burst()) {
            variant.add(0, "every symbol's funding spike at the same moment (--burst)");
        }
        if (!settings.jvm().isEmpty()) {
            variant.add(0, "every service JVM: `" + String.join(" ", settings.jvm()) + "`");
        }
        List<String> jvm = new ArrayList<>(JvmLogs.flags(work));
        jvm.addAll(settings.jvm());
        DeskConfig config = new DeskConfig(Path.of("").toAbsolutePath(), work, "synthetic", 0, 0, DeskConfig.freePorts(),
                null, "100001", UUID.randomUUID().toString(), extra, jvm);

        // The broker runs in a process of its own, as beside a real desk, and authenticates every client (SCRAM) and
        // authorises it by ACL, as in production. G1 with a short pause goal, as a broker is usually given; its heap
        // sized for a local desk's traffic (the log lives in the page cache, not the heap).
        KafkaProcess kafka = KafkaProcess.startSecured(work.resolve("kafka"), 3,
                List.of("-Xms384m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"));
        try (kafka; Desk desk = new Desk(config, System.out, kafka)) {
            desk.start(Duration.ofMinutes(4));
            new DeskBenchmark(settings, config, work).run(desk, kafka, variant);
        }
    }

    private void run(Desk desk, KafkaProcess kafka, List<String> variant) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>(desk.pids());
        pids.put("kafka", kafka.pid());
        long postmaster = postmaster(desk.postgres().port());
        Map<String, Object> client = kafka.adminClientProperties();
        List<LatencyPhase> phases = new ArrayList<>();
        List<PeakSearch.Step> steps = null;
        try (SignalReaderProbe.Process probe = new SignalReaderProbe.Process(client)) {
            for (String phase : settings.phases()) {
                switch (phase) {
                    case "realistic" -> phases.add(latencyPhase(LatencyPhase.Kind.REALISTIC, settings.realistic(), client, pids,
                            postmaster, probe));
                    case "busy" -> phases.add(latencyPhase(LatencyPhase.Kind.BUSY, settings.busy(), client, pids, postmaster,
                            probe));
                    case "peak" -> steps = PeakSearch.run(settings.peakFrom(), settings.peakStep(), settings.peakTo(),
                            this::setRate, () -> new PeakSearch.Reading(Scrape.of(config.managementPort(DeskConfig.SIMULATOR)),
                                    Scrape.of(config.managementPort(DeskConfig.INGESTION))), 5_000, settings.peakSeconds() * 1000L);
                    default -> throw new IllegalArgumentException("unknown phase " + phase + " (realistic, busy, peak)");
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Desk benchmark, ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, JDK ").append(Runtime.version()).append("\n\n");
        for (String line : variant) {
            md.append("Variant: ").append(line).append("\n\n");
        }
        List<String> json = new ArrayList<>();
        for (LatencyPhase p : phases) {
            md.append(p.markdown()).append('\n');
            json.add("\"" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + "\":" + p.json());
        }
        if (steps != null) {
            md.append(PeakSearch.markdown(steps, settings.symbols(), settings.peakSeconds() * 1000L));
            json.add("\"peak\":" + PeakSearch.json(steps));
        }
        System.out.println(md);
        Files.writeString(Path.of("verification/benchmarks/target/desk-benchmark.md"), md.toString());
        Files.writeString(Path.of("verification/benchmarks/target/desk-benchmark.json"), "{" + String.join(",", json) + "}\n");
    }

    private LatencyPhase latencyPhase(LatencyPhase.Kind kind, int rate, Map<String, Object> client, Map<String, Long> pids,
                                      long postmaster, SignalReaderProbe.Process probe) throws Exception {
        setRate(rate);
        // One consumer reads every topic, kept busy by the quotes; a second reads the signals alone with Kafka's
        // default long poll, as execution reads them, to tell the hop from the reader.
        try (TopicObserver observer = new TopicObserver(client, List.of(Topics.QUOTES, Topics.FUNDING, Topics.SIGNALS,
                Topics.EXEC_EVENTS), 5, "observer");
             TopicObserver signalsAlone = new TopicObserver(client, List.of(Topics.SIGNALS), 500, "signal-reader")) {
            System.out.printf("[bench] %s: warming up %d s at %,d updates/s%n", kind.title, settings.warmup(), rate);
            Thread.sleep(settings.warmup() * 1000L);
            String halted = releaseKillSwitchIfEngaged();
            if (halted != null) {
                System.out.println("[bench] the kill switch was engaged during warm-up (" + halted
                        + "); released, and warming up another " + settings.warmup() + " s");
                Thread.sleep(settings.warmup() * 1000L);
            }
            JvmLogs logs = new JvmLogs(work);
            var mark = logs.mark();
            Map<String, Scrape> scrapesBefore = scrapes();
            Map<String, ProcessStats> before = stats(pids, postmaster);
            observer.reset();
            signalsAlone.reset();
            probe.reset();
            long t0 = System.nanoTime();
            Thread.sleep(settings.seconds() * 1000L);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            TopicObserver.Window observed = observer.snapshot(elapsed);
            Percentiles signalHop = signalsAlone.snapshot(elapsed).signalHop;
            Percentiles quietHop = probe.snapshot();
            Map<String, ProcessStats> after = stats(pids, postmaster);
            Map<String, Scrape> window = new LinkedHashMap<>();
            scrapes().forEach((name, scrape) -> window.put(name, scrape.minus(scrapesBefore.getOrDefault(name, new Scrape(Map.of())))));
            Map<String, Percentiles> gc = new LinkedHashMap<>();
            Map<String, Percentiles> safepoints = new LinkedHashMap<>();
            for (String service : List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT)) {
                gc.put(service, logs.gcPauses(pids.get(service), mark));
                safepoints.put(service, logs.safepoints(pids.get(service), mark));
            }
            Map<String, double[]> processes = new LinkedHashMap<>();
            after.forEach((name, a) -> processes.put(name, new double[]{ProcessStats.cpuPercent(before.get(name), a, elapsed),
                    a.rssKb() / 1024.0}));
            System.out.printf("[bench] %s: Kafka's own two hops at %,d/s with the services' settings...%n", kind.title, rate);
            Percentiles floor = KafkaTwoHop.run(client, rate, EVENT_RATE, FLOOR_DURATION);
            return new LatencyPhase(kind, rate, settings.symbols(), elapsed, observed, signalHop, quietHop, floor, window, gc,
                    safepoints, processes);
        }
    }

    private Map<String, ProcessStats> stats(Map<String, Long> pids, long postmaster) {
        Map<String, ProcessStats> stats = new LinkedHashMap<>();
        pids.forEach((name, pid) -> stats.put(name, ProcessStats.of(pid)));
        stats.put("postgres (PSS)", ProcessStats.ofTree(postmaster));
        stats.put(LatencyPhase.HARNESS, ProcessStats.of(ProcessHandle.current().pid()));
        return stats;
    }

    private Map<String, Scrape> scrapes() {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        for (String name : List.of(DeskConfig.SIMULATOR, DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION)) {
            scrapes.put(name, Scrape.of(config.managementPort(name)));
        }
        return scrapes;
    }

    /** Sets the simulator's feed to a total rate (all symbols, both venues), while it runs. */
    private void setRate(int total) {
        String url = "http://localhost:" + config.port(DeskConfig.SIMULATOR) + "/admin/market/quote-rate";
        var response = DeskHttp.send("POST", url, "{\"perSecond\":" + settings.perStream(total) + "}", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the rate " + total + "/s: " + response.statusCode()
                    + " " + response.body());
        }
    }

    /**
     * Start-up under load (every JVM still compiling) can lag the feeds past the reconnect threshold often enough to
     * trip the reconnect-storm halt: the desk then rightly stops trading, and the window would hold no order. The
     * benchmark measures the steady state, so it releases the switch, as an operator would, and says so.
     *
     * @return why the switch was engaged, or null if it was not
     */
    private String releaseKillSwitchIfEngaged() {
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

}
