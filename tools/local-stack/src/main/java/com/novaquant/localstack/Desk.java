package com.novaquant.localstack;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.EmbeddedPostgresServer;
import com.novaquant.testsupport.SecuredInProcessKafka;
import com.novaquant.testsupport.KafkaServer;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The whole desk on one machine: a real Kafka broker and a real PostgreSQL in this JVM, the exchange simulator and the
 * four services as child JVMs. The broker authenticates and authorises as a production one does: each service logs in
 * as itself (SASL/SCRAM, passwords made up on every start) and may use only its own topics (each with the shared JVM flags from {@code deploy/jvm.options}), and a local Telegram
 * sink unless a real bot token is given. Paper trading only: every Binance URL points at the simulator.
 */
public final class Desk implements AutoCloseable {

    /** Execution's signal consumer group (its {@code SignalListener}). */
    private static final String SIGNAL_CONSUMER_GROUP = "execution-service-signals";
    /** The simulator's paper account the local desk trades; real keys are never used by it. */
    public static final String PAPER_API_KEY = "nova-paper-key";
    /**
     * The alert service's own account on execution's admin API, a DELEGATE: execution records a Telegram command as
     * "alert-bridge for telegram:@alice". Its password is made up for each desk and reaches execution only as a hash.
     */
    public static final String ALERT_BRIDGE_ACCOUNT = "alert-bridge";

    private final DeskConfig config;
    private final PrintStream console;
    private final KafkaServer externalKafka;
    private KafkaServer kafka;
    private EmbeddedPostgresServer postgres;
    private TelegramSink telegram;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    /** Second instances' API and actuator ports, by process name. */
    private final Map<String, int[]> secondPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private final String bridgePassword = randomSecret();
    /** signal-service seals its signals with it and execution trades only what it sealed; new on every start. */
    private final String signingKeys = RecordSeal.generate("local-1");

    public Desk(DeskConfig config, PrintStream console) {
        this(config, console, null);
    }

    /**
     * A desk on a broker started elsewhere (e.g. a broker process a test kills and restarts); the desk neither
     * starts nor stops it.
     */
    public Desk(DeskConfig config, PrintStream console, KafkaServer externalKafka) {
        this.config = config;
        this.console = console;
        this.externalKafka = externalKafka;
    }

    /** Starts everything and waits until every process answers health UP and execution trades. */
    public Desk start(Duration healthTimeout) {
        try {
            Files.createDirectories(config.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        kafka = externalKafka != null ? externalKafka
                : SecuredInProcessKafka.start(config.kafkaPort(), 3);
        info("Kafka (KRaft, " + kafka.kind() + ") at " + kafka.bootstrapServers());
        postgres = EmbeddedPostgresServer.start(config.postgresPort(), null);
        info("PostgreSQL (embedded) at " + postgres.jdbcUrl());
        if (config.telegramToken() == null) {
            telegram = TelegramSink.start(config.port("telegram"), console);
            info("Telegram sink at http://localhost:" + telegram.port() + " (prints what would be sent)");
        }
        List<String> jvmOptions = jvmOptions();
        Path javaHome = Path.of(System.getProperty("java.home"));
        boolean colour = System.console() != null;

        start(simulator(), javaHome, jvmOptions, colour);
        awaitHealthy(List.of(DeskConfig.SIMULATOR), healthTimeout);
        for (ServiceSpec spec : services()) {
            start(spec, javaHome, jvmOptions, colour);
        }
        awaitHealthy(List.of(DeskConfig.INGESTION, DeskConfig.SIGNAL, DeskConfig.EXECUTION, DeskConfig.ALERT), healthTimeout);
        awaitTrading(healthTimeout);
        info("Desk up in " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
        return this;
    }

    private void start(ServiceSpec spec, Path javaHome, List<String> jvmOptions, boolean colour) {
        processes.put(spec.name(), ManagedProcess.start(spec, javaHome, jvmOptions, config.workDir(), console, colour));
    }

    private ServiceSpec simulator() {
        List<String> args = new ArrayList<>(List.of("--nova.simulator.source=" + config.market()));
        // A property given twice on a command line reads as both values joined: the default list only when none is given.
        if (config.extra(DeskConfig.SIMULATOR).stream().noneMatch(arg -> arg.startsWith("--nova.simulator.symbols="))) {
            args.add("--nova.simulator.symbols=BTCUSDT,ETHUSDT");
        }
        args.addAll(config.extra(DeskConfig.SIMULATOR));
        return new ServiceSpec(DeskConfig.SIMULATOR, jar("exchange-simulator"), config.port(DeskConfig.SIMULATOR), 384, args, Map.of());
    }

    private List<ServiceSpec> services() {
        String sim = "localhost:" + config.port(DeskConfig.SIMULATOR);
        List<String> common = List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--nova.trading.mode=paper",
                "--nova.binance.spot.rest-url=http://" + sim + "/spot",
                "--nova.binance.spot.ws-url=ws://" + sim + "/spot",
                "--nova.binance.futures.rest-url=http://" + sim + "/futures",
                "--nova.binance.futures.ws-url=ws://" + sim + "/futures");
        Map<String, String> env = new HashMap<>();
        env.put("NOVA_ADMIN_PASSWORD", config.adminPassword());
        env.put("BINANCE_API_KEY", PAPER_API_KEY);
        env.put("BINANCE_SECRET", "nova-paper-secret");
        Map<String, String> ingestionEnv = withKafkaLogin(env, DeskPrincipal.INGESTION);

        List<String> execution = new ArrayList<>(common);
        execution.add("--spring.datasource.url=" + postgres.jdbcUrl());
        execution.add("--spring.datasource.username=" + postgres.username());
        Map<String, String> executionEnv = withKafkaLogin(env, DeskPrincipal.EXECUTION);
        executionEnv.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        // Named accounts hold hashes only (the operator keeps the shared NOVA_ADMIN_PASSWORD account).
        executionEnv.put("NOVA_ADMIN_ACCOUNTS", ALERT_BRIDGE_ACCOUNT + ":DELEGATE:{bcrypt}"
                + new BCryptPasswordEncoder(10).encode(bridgePassword));
        executionEnv.put("NOVA_SIGNING_KEYS", signingKeys);
        Map<String, String> signalEnv = withKafkaLogin(env, DeskPrincipal.SIGNAL);
        signalEnv.put("NOVA_SIGNING_KEYS", signingKeys);

        List<String> alert = new ArrayList<>(common);
        alert.add("--nova.alert.execution-url=http://localhost:" + config.port(DeskConfig.EXECUTION));
        alert.add("--nova.alert.outbox-path=" + config.workDir().resolve("alert-outbox.jsonl"));
        alert.add("--nova.telegram.chat-ids=" + config.telegramChatIds());
        Map<String, String> alertEnv = withKafkaLogin(env, DeskPrincipal.ALERT);
        alertEnv.put("NOVA_ALERT_EXECUTION_PASSWORD", bridgePassword);
        if (config.telegramToken() == null) {
            alert.add("--nova.telegram.base-url=http://localhost:" + telegram.port());
            // The local sink sends each message as the chat's own user: the local operator is that id (a real bot's
            // operators come from NOVA_TELEGRAM_OPERATOR_IDS, never overridden here).
            String operators = localOperators(config.telegramChatIds());
            if (!operators.isEmpty()) {
                alert.add("--nova.telegram.operator-ids=" + operators);
            }
            alertEnv.put("TELEGRAM_BOT_TOKEN", "local-desk-token");
        } else {
            alertEnv.put("TELEGRAM_BOT_TOKEN", config.telegramToken());
        }
        return List.of(
                spec(DeskConfig.INGESTION, "ingestion-service", 256, withReadiness(common, "readinessState,kafka,feeds"), ingestionEnv),
                spec(DeskConfig.SIGNAL, "signal-service", 192, withReadiness(common, "readinessState,kafka"), signalEnv),
                spec(DeskConfig.EXECUTION, "execution-service", 256, withReadiness(execution, "readinessState,kafka,db"), executionEnv),
                spec(DeskConfig.ALERT, "alert-service", 192, withReadiness(alert, "readinessState,kafka,telegram"), alertEnv));
    }

    /**
     * The service's own Kafka login, passed in its environment (never on a command line, which other users of the
     * machine can read), when the broker authenticates; none on a broker that lets anyone in.
     */
    private Map<String, String> withKafkaLogin(Map<String, String> env, DeskPrincipal principal) {
        Map<String, String> withLogin = new HashMap<>(env);
        kafka.password(principal).ifPresent(password -> {
            withLogin.put("NOVA_KAFKA_USERNAME", principal.username());
            withLogin.put("NOVA_KAFKA_PASSWORD", password);
            withLogin.put("NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        });
        return withLogin;
    }

    /** The positive chat ids (private chats, whose id is their user's): a group's negative id is no user. */
    static String localOperators(String chatIds) {
        return java.util.Arrays.stream(chatIds.split(",")).map(String::trim)
                .filter(id -> id.matches("[0-9]+") && !id.matches("0+")).collect(java.util.stream.Collectors.joining(","));
    }

    /** Readiness made of the same health contributors as in the Helm chart, so the desk is ready when a pod would be. */
    private static List<String> withReadiness(List<String> args, String include) {
        List<String> all = new ArrayList<>(args);
        all.add("--management.endpoint.health.group.readiness.include=" + include);
        all.add("--management.endpoint.health.validate-group-membership=false");
        return all;
    }

    private ServiceSpec spec(String name, String module, int heapMb, List<String> base, Map<String, String> env) {
        List<String> args = new ArrayList<>(base);
        // Actuator (health, metrics) on a port of its own, never on the API port.
        args.add("--management.server.port=" + config.managementPort(name));
        args.addAll(config.extra(name));
        return new ServiceSpec(name, jar(module), config.port(name), heapMb, args, env);
    }

    private Path jar(String module) {
        Path jar = config.repoRoot().resolve("services").resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./nq run builds it)");
        }
        return jar;
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(jvmOptions(config.repoRoot().resolve("deploy/jvm.options")));
        options.addAll(sharedCoresOptions(runsAsRoot()));
        options.addAll(config.extraJvmOptions());
        return options;
    }

    /**
     * Flags for a desk whose JVMs share one machine's cores (this desk; in a pod each service has its own CPU share).
     * With {@code ThreadPriorityPolicy=1} the JVM runs its own threads (the VM thread that runs a pause, the GC
     * workers, the JIT compilers) at nice -4 and application threads at 0, so that a collection's pause is not left
     * waiting for a core behind another process's threads: in the desk benchmark, single ZGC pauses of 1.2-3.5 ms
     * without it, 0.21-0.32 ms p99.9 in three runs with it. Only root may raise a priority; anyone else would get a warning from every
     * JVM and no effect, so the flag is left out.
     */
    static List<String> sharedCoresOptions(boolean root) {
        return root ? List.of("-XX:ThreadPriorityPolicy=1") : List.of();
    }

    /** Whether this process runs as root (Linux: the owner of /proc/self); false where that cannot be told. */
    static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /** The shared JVM flags: one per line, '#' comments. */
    public static List<String> jvmOptions(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void awaitHealthy(List<String> names, Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                String name = it.next();
                ManagedProcess process = processes.get(name);
                if (!process.alive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitCode()
                            + " (log: " + config.workDir().resolve(name + ".log") + ")");
                }
                if (healthy(http, managementPort(name))) {
                    info(name + " is UP on http://localhost:" + port(name)
                            + (managementPort(name) == port(name) ? "" : " (actuator on " + managementPort(name) + ")"));
                    it.remove();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy within " + timeout + ": " + pending);
            }
            sleep(500);
        }
    }

    /** Liveness on a process's actuator port (its management port). */
    private static boolean healthy(HttpClient http, int managementPort) {
        return status(http, managementPort, "/actuator/health/liveness") == 200;
    }

    /**
     * The key signal-service and execution share on this desk ({@code id:base64}): for a test or a benchmark that
     * writes signals itself, as signal-service would. Never printed.
     */
    public String signingKeys() {
        return signingKeys;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * A Kafka client's bootstrap address and login with every right on the desk's broker (its administrator on a
     * broker that authenticates): for tests, benchmarks and tools that read or write any topic. Never printed.
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafka.adminClientProperties();
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Sends a Telegram message from an operator's chat to the bot (local sink only). */
    public void telegramCommand(long chatId, String username, String text) {
        if (telegram == null) {
            throw new IllegalStateException("a real Telegram bot is configured; type the command in Telegram");
        }
        telegram.command(chatId, username, text);
    }

    /** Sends a Telegram message written in an allowed chat by one of its members (local sink only). */
    public void telegramCommand(long chatId, long userId, String username, String text) {
        if (telegram == null) {
            throw new IllegalStateException("a real Telegram bot is configured; type the command in Telegram");
        }
        telegram.command(chatId, userId, username, text);
    }

    /** The local Telegram sink, to inject outages and rate limits (empty with a real token). */
    public java.util.Optional<TelegramSink> telegramSink() {
        return java.util.Optional.ofNullable(telegram);
    }

    /** What the local Telegram sink received so far (empty with a real token). */
    public List<String> telegramMessages() {
        return telegram == null ? List.of() : telegram.sent();
    }

    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, p) -> pids.put(name, p.pid()));
        return pids;
    }

    public DeskConfig config() {
        return config;
    }

    /** Stops one process (SIGTERM, then SIGKILL after a grace period), e.g. to test a restart. */
    public void stop(String name) {
        ManagedProcess process = processes.get(name);
        if (process != null) {
            process.close();
        }
    }

    /**
     * Waits until execution trades: it holds the lease (readiness UP) and its signal consumer owns every partition of
     * the signals topic. Live processes answer health before that (execution rehearses its decision path first), and
     * a signal published in between waits for the consumer and may be refused as stale.
     */
    public void awaitTrading(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            int partitions = -1;
            int owned = -1;
            boolean ready = false;
            while (System.nanoTime() < deadline) {
                ManagedProcess execution = processes.get(DeskConfig.EXECUTION);
                if (!execution.alive()) {
                    throw new IllegalStateException("execution exited with code " + execution.exitCode()
                            + " (log: " + config.workDir().resolve(DeskConfig.EXECUTION + ".log") + ")");
                }
                try {
                    ready = status(http, config.managementPort(DeskConfig.EXECUTION), "/actuator/health/readiness") == 200;
                    if (partitions < 0) {
                        partitions = admin.describeTopics(List.of(Topics.SIGNALS)).allTopicNames().get(5, TimeUnit.SECONDS)
                                .get(Topics.SIGNALS).partitions().size();
                    }
                    owned = admin.describeConsumerGroups(List.of(SIGNAL_CONSUMER_GROUP)).all().get(5, TimeUnit.SECONDS)
                            .get(SIGNAL_CONSUMER_GROUP).members().stream()
                            .mapToInt(m -> (int) m.assignment().topicPartitions().stream()
                                    .filter(tp -> tp.topic().equals(Topics.SIGNALS)).count())
                            .sum();
                } catch (ExecutionException | TimeoutException e) {
                    owned = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (ready && owned == partitions) {
                    info("execution is trading (" + owned + " signal partitions)");
                    return;
                }
                sleep(250);
            }
            throw new IllegalStateException("execution not trading within " + timeout + " (ready " + ready + ", "
                    + owned + " of " + partitions + " signal partitions owned)");
        }
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a second execution beside the running one, as a rolling update does: the same ledger, account, topics and
     * settings, ports of its own ({@link #port}, {@link #managementPort}). It stays passive while the first holds the
     * trading lease. Stopped with the desk.
     *
     * @return its process name
     */
    public String startSecondExecution(Duration healthTimeout) {
        String name = DeskConfig.EXECUTION + "-b";
        ServiceSpec first = processes.get(DeskConfig.EXECUTION).spec();
        int port = com.novaquant.testsupport.FreePorts.next();
        int managementPort = com.novaquant.testsupport.FreePorts.next();
        List<String> args = first.args().stream()
                .map(arg -> arg.startsWith("--management.server.port=") ? "--management.server.port=" + managementPort : arg)
                .toList();
        secondPorts.put(name, new int[]{port, managementPort});
        start(new ServiceSpec(name, first.jar(), port, first.heapMb(), args, first.env()), Path.of(System.getProperty("java.home")),
                jvmOptions(), System.console() != null);
        awaitHealthy(List.of(name), healthTimeout);
        return name;
    }

    /** A process's API port, a second execution's included. */
    public int port(String name) {
        int[] second = secondPorts.get(name);
        return second != null ? second[0] : config.port(name);
    }

    /** A process's actuator port, a second execution's included. */
    public int managementPort(String name) {
        int[] second = secondPorts.get(name);
        return second != null ? second[1] : config.managementPort(name);
    }

    /** Starts a stopped process again with the same specification. */
    public void restart(String name, Duration healthTimeout) {
        ManagedProcess old = processes.get(name);
        old.close();
        List<String> jvmOptions = jvmOptions();
        start(old.spec(), Path.of(System.getProperty("java.home")), jvmOptions, System.console() != null);
        awaitHealthy(List.of(name), healthTimeout);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private void info(String message) {
        console.println("\u001b[1m[desk]\u001b[0m " + message);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the services first (newest first), then the simulator, the sink, PostgreSQL and Kafka. */
    @Override
    public void close() {
        // The services first, the exchange after them: a feed that loses its exchange while still running reports a
        // reconnect storm (a false page on every stop).
        List<String> services = new ArrayList<>(processes.keySet());
        services.remove(DeskConfig.SIMULATOR);
        services.parallelStream().forEach(name -> processes.get(name).close());
        if (processes.containsKey(DeskConfig.SIMULATOR)) {
            processes.get(DeskConfig.SIMULATOR).close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null && kafka != externalKafka) {
            kafka.close();
        }
    }
}
