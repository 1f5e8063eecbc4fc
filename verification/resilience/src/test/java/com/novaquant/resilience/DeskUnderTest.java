package com.novaquant.resilience;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.ids.SignalId;
import com.novaquant.localstack.Desk;
import com.novaquant.localstack.DeskConfig;
import com.novaquant.localstack.DeskHttp;
import com.novaquant.localstack.TelegramSink;
import com.novaquant.localstack.TopicRecorder;
import com.novaquant.testsupport.KafkaProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole desk as the suite attacks it: a Kafka broker in its own process (so it can be killed), embedded
 * PostgreSQL, the exchange simulator and the four services as child JVMs, the local Telegram sink, and an auditor
 * reading every topic. Faults go in through the simulator's admin API, the sink, the broker process and the
 * operating system; what held is read back from the exchange's own journal, the topics, Telegram and the metrics.
 */
final class DeskUnderTest implements AutoCloseable {

    static final long OPERATOR_CHAT = 100001;
    /** Ingestion's reconnect-storm window on this desk: 5 reconnects within it are a storm. */
    static final Duration STORM_WINDOW = Duration.ofSeconds(20);
    static final String TELEGRAM_TOKEN = "local-desk-token";
    static final String PAPER_KEY = "nova-paper-key";
    static final String PAPER_SECRET = "nova-paper-secret";
    /** How often execution checks the USD-M account's modes (production: 60 s). */
    static final Duration ACCOUNT_CHECK_INTERVAL = Duration.ofSeconds(5);
    /** Binance's own bounds on a leg standing alone: the re-hedge window plus one venue call to unwind. */
    static final Duration REHEDGE_DEADLINE = Duration.ofSeconds(3);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    static final long NAKED_DEADLINE_MS = REHEDGE_DEADLINE.plus(CALL_TIMEOUT).toMillis();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.net.http.HttpClient SIGNED_CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String adminPassword = UUID.randomUUID().toString();
    final List<String> symbols;
    final Path workDir;
    final KafkaProcess kafka;
    final Desk desk;
    final TopicRecorder recorder;
    private final KafkaProducer<String, byte[]> producer;
    private final java.sql.Connection ledger;

    DeskUnderTest(Path workDir, List<String> symbols) {
        this.workDir = workDir;
        this.symbols = symbols;
        String all = "BTCUSDT,ETHUSDT," + String.join(",", symbols);
        // As in production: each service logs in as itself, and the broker allows only what TopicAccess grants.
        kafka = KafkaProcess.startSecured(workDir.resolve("kafka"), 3);
        Map<String, List<String>> extra = Map.of(
                DeskConfig.SIMULATOR, List.of(
                        "--nova.simulator.symbols=" + all,
                        // The market stays quiet: every trade in the suite is one the suite asked for.
                        "--nova.simulator.funding.spike-start=1000h", "--nova.simulator.funding.negative-start=1000h",
                        // Longer than execution's response timeout, so a held answer is a real timeout.
                        "--nova.simulator.faults.timeout-hold=5s"),
                // On the quiet market the carry of BTCUSDT and ETHUSDT stays between these thresholds, so
                // signal-service targets neither (not even flat): the pairs the suite opens on them are its own.
                DeskConfig.SIGNAL, List.of("--nova.signal.exit-threshold-apr=-1"),
                // A storm is 5 reconnects in 20 s here (60 s in production): the storm case then heals in a third of the time.
                DeskConfig.INGESTION, List.of("--nova.ingestion.stale-after=5s", "--nova.ingestion.alert-dedup-window=5s",
                        "--nova.ingestion.reconnect.storm-window=" + STORM_WINDOW.toSeconds() + "s"),
                DeskConfig.EXECUTION, List.of(
                        "--nova.symbols=" + all,
                        "--nova.binance.response-timeout=2s",
                        "--nova.binance.call-timeout=" + CALL_TIMEOUT.toSeconds() + "s",
                        "--nova.execution.rehedge-deadline=" + REHEDGE_DEADLINE.toSeconds() + "s",
                        "--nova.execution.risk.max-daily-loss=1000000",
                        // A reconciliation that cannot read the exchange holds trading until the next one succeeds.
                        "--nova.execution.reconcile-interval=15s",
                        // An account switched to Hedge Mode is seen within seconds. Each check reads both account
                        // modes (weight 30 each): 5 s keeps it well inside the futures weight limit (2,400 a minute).
                        "--nova.execution.account-check-interval=" + ACCOUNT_CHECK_INTERVAL.toSeconds() + "s"),
                DeskConfig.ALERT, List.of("--nova.alert.escalation=1h", "--nova.alert.dedup-window=5s"));
        // The checkout whose service jars run (NOVA_DESK_ROOT: jars built elsewhere, e.g. a release candidate).
        Path root = System.getenv("NOVA_DESK_ROOT") != null ? Path.of(System.getenv("NOVA_DESK_ROOT"))
                : Path.of("").toAbsolutePath().getParent().getParent();
        DeskConfig config = new DeskConfig(root, workDir, "synthetic", 0, 0,
                DeskConfig.freePorts(), null, String.valueOf(OPERATOR_CHAT), adminPassword, extra, List.of());
        desk = new Desk(config, System.out, kafka).start(Duration.ofMinutes(5));
        recorder = new TopicRecorder(kafka.adminClientProperties(),
                List.of(Topics.EXEC_EVENTS, Topics.CONTROL, Topics.FEED_GATES, Topics.QUOTES, Topics.ALERTS));
        // The suite writes as the broker's administrator: its forgeries and fuzz must reach the consumers to be refused.
        Map<String, Object> producerConfig = new HashMap<>(kafka.adminClientProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        awaitSettledFeeds(STORM_WINDOW, Duration.ofMinutes(5));
        try {
            ledger = java.sql.DriverManager.getConnection(desk.postgres().jdbcUrl(), desk.postgres().username(),
                    desk.postgres().password());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the ledger", e);
        }
    }

    /**
     * A reconnect of the start-up (six JVMs starting at once on a small machine can lag a feed past the threshold)
     * would count towards the reconnect-storm window of whichever case runs first. The suite starts once no feed has
     * reconnected for a whole storm window and every feed gate of the start-up has lifted by itself. A start-up
     * storm gates its symbols and never engages the kill switch: the desk must be TRADING here without anyone
     * releasing it.
     */
    private void awaitSettledFeeds(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double reconnects = metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total");
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos() || tradingHeld()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the feeds kept reconnecting, or trading stayed held, for " + timeout
                        + " after start-up: " + status());
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            double now = metric(DeskConfig.INGESTION, "nova_ingestion_reconnects_total");
            if (now != reconnects) {
                reconnects = now;
                quietSince = System.nanoTime();
            }
        }
        if (killSwitchEngaged()) {
            throw new IllegalStateException("the kill switch was engaged during start-up: " + status());
        }
    }

    /**
     * How execution settled one signal, read from its ledger ({@code processed_signals}), once it has finished with
     * it; empty while it has not.
     */
    java.util.Optional<String> outcome(SignalId signalId) {
        try (var statement = ledger.prepareStatement(
                "select outcome from processed_signals where signal_id = ? and completed_at is not null")) {
            statement.setString(1, signalId.value());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? java.util.Optional.of(rows.getString(1)) : java.util.Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the exchange --------------------------------------------------------------------------------------------

    String simulator(String method, String path, String body) {
        HttpResponse<String> response = send(method, url(DeskConfig.SIMULATOR, path), body, null);
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * A SIGNED call to the simulator's USD-M REST API as the desk's paper account, signed the way Binance wants it:
     * {@code timestamp} added, HMAC-SHA256 of the query string (no body) with the account's secret, key in
     * {@code X-MBX-APIKEY}. {@code params} is a query string without timestamp, e.g. {@code dualSidePosition=true}.
     */
    HttpResponse<String> futuresSigned(String method, String path, String params) {
        String query = (params.isEmpty() ? "" : params + "&") + "timestamp=" + System.currentTimeMillis();
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(PAPER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = java.util.HexFormat.of().formatHex(mac.doFinal(query.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url(DeskConfig.SIMULATOR, "/futures" + path + "?" + query + "&signature=" + signature)))
                .timeout(Duration.ofSeconds(10))
                .header("X-MBX-APIKEY", PAPER_KEY)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return SIGNED_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ExchangeJournal journal() {
        List<ExchangeJournal.Order> orders = new ArrayList<>();
        for (JsonNode o : JSON.readTree(simulator("GET", "/admin/orders", null))) {
            orders.add(new ExchangeJournal.Order(o.path("venue").asString(), o.path("symbol").asString(),
                    o.path("clientOrderId").asString(), o.path("side").asString(), o.path("outcome").asString(),
                    new BigDecimal(o.path("executedQty").asString("0")), o.path("receivedAt").asLong()));
        }
        return new ExchangeJournal(orders);
    }

    /** The exchange's current book top of a symbol on one venue, as a quote the desk could have received now. */
    Quote bookTop(String symbol, Venue venue) {
        String path = venue == Venue.SPOT ? "/spot/api/v3/ticker/bookTicker?symbol=" : "/futures/fapi/v1/ticker/bookTicker?symbol=";
        JsonNode t = JSON.readTree(simulator("GET", path + symbol, null));
        long micros = EpochMicros.now();
        return new Quote(symbol, venue, new BigDecimal(t.path("bidPrice").asString()), new BigDecimal(t.path("bidQty").asString()),
                new BigDecimal(t.path("askPrice").asString()), new BigDecimal(t.path("askQty").asString()), 1,
                micros / 1000, micros);
    }

    /** A target the way signal-service states one, priced on the exchange's current books. */
    Signal signal(String symbol, BigDecimal target) {
        Quote spot = bookTop(symbol, Venue.SPOT);
        Quote perp = bookTop(symbol, Venue.USDM);
        long micros = EpochMicros.now();
        FundingRate funding = new FundingRate(symbol, perp.bidPrice(), spot.bidPrice(), new BigDecimal("0.001"),
                micros / 1000 + 3_600_000, micros / 1000, micros);
        return new Signal(new SignalId(UUID.randomUUID().toString()), symbol, target, target.multiply(spot.askPrice()),
                target.signum() == 0 ? Signal.Reason.CARRY_BELOW_EXIT : Signal.Reason.CARRY_ABOVE_ENTRY, 0.3,
                spot, perp, funding, micros, System.currentTimeMillis() + 30_000);
    }

    // --- the desk --------------------------------------------------------------------------------------------

    void publish(String topic, NovaEvent event) {
        publish(topic, event.key(), EventCodec.encode(event));
    }

    /** Signals go out sealed with the desk's key, as signal-service seals them; {@link #publishUnsealed} to forge. */
    void publish(String topic, String key, byte[] value) {
        publishSealed(topic, key, value, com.novaquant.events.RecordSeal.parse(desk.signingKeys()));
    }

    void publishSealed(String topic, String key, byte[] value, com.novaquant.events.RecordSeal seal) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            if (Topics.SIGNALS.equals(topic)) {
                seal.seal(topic, key, value, record.headers());
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    HttpResponse<String> admin(String process, String method, String path, String body, String password) {
        String basic = password == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        return send(method, url(process, path), body, basic);
    }

    /**
     * Sends one record logged in as a desk service (its own SCRAM user) and returns why the broker refused it, or null
     * when it took it.
     */
    Throwable sendAs(com.novaquant.events.DeskPrincipal principal, String topic, String key, byte[] value) {
        Map<String, Object> config = new HashMap<>(com.novaquant.events.ScramClientProperties.of(principal.username(),
                kafka.password(principal).orElseThrow()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, byte[]> as = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            as.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get(15, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (org.apache.kafka.common.KafkaException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    /** The execution instance the operator talks to: the desk's own, or the one it handed over to. */
    volatile String activeExecution = DeskConfig.EXECUTION;

    HttpResponse<String> admin(String method, String path, String body) {
        return admin(activeExecution, method, path, body, adminPassword);
    }

    /** An actuator page ({@code /actuator/...}): on the process's management port, never its API port. */
    HttpResponse<String> get(String process, String path) {
        return send("GET", managementUrl(process, path), null, null);
    }

    /** A plain GET on the process's API port, without credentials. */
    HttpResponse<String> getOnApiPort(String process, String path) {
        return send("GET", url(process, path), null, null);
    }

    /** Execution's {@code GET /admin/status}. */
    JsonNode status() {
        return JSON.readTree(admin("GET", "/admin/status", null).body());
    }

    boolean killSwitchEngaged() {
        return status().path("killSwitch").path("engaged").asBoolean();
    }

    /** Trading held by execution (e.g. until a reconciliation can read the exchange again, or while a feed is gated). */
    boolean tradingHeld() {
        return status().path("tradingHeld").asBoolean();
    }

    /** The symbols whose market data execution holds gated, with why. */
    Map<String, String> feedGates() {
        Map<String, String> gates = new java.util.TreeMap<>();
        status().path("feedGates").properties().forEach(e -> gates.put(e.getKey(), e.getValue().asString()));
        return gates;
    }

    /** Execution's own holds, as "LEVEL symbol: reason" ("*" for the whole desk). */
    List<String> holds() {
        List<String> holds = new ArrayList<>();
        for (JsonNode h : status().path("holds")) {
            holds.add(h.path("level").asString() + " " + h.path("symbol").asString() + ": " + h.path("reason").asString());
        }
        return holds;
    }

    void releaseKillSwitch() {
        if (killSwitchEngaged()) {
            HttpResponse<String> r = admin("POST", "/admin/kill-switch/release", "{\"reason\":\"resilience suite: case checked\"}");
            if (r.statusCode() != 200) {
                throw new AssertionError("release answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    /** Sum of a Prometheus counter's series whose labels contain every given {@code name="value"} pair. */
    double metric(String process, String name, String... labels) {
        String body = get(process, "/actuator/prometheus").body();
        double sum = 0;
        for (String line : body.lines().toList()) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean match = true;
            for (String label : labels) {
                match &= line.contains(label);
            }
            if (match) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Signals handled by execution so far, by outcome. */
    Map<String, Double> signalOutcomes() {
        Map<String, Double> outcomes = new HashMap<>();
        for (String line : get(DeskConfig.EXECUTION, "/actuator/prometheus").body().lines().toList()) {
            if (line.startsWith("nova_execution_signals_total{")) {
                int at = line.indexOf("outcome=\"") + 9;
                outcomes.merge(line.substring(at, line.indexOf('"', at)), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return outcomes;
    }

    // --- Telegram ------------------------------------------------------------------------------------------------

    TelegramSink telegram() {
        return desk.telegramSink().orElseThrow();
    }

    /** How many times a text occurs across everything Telegram delivered (several alerts may share one message). */
    int delivered(String text) {
        int count = 0;
        for (String message : telegram().sent()) {
            for (int i = message.indexOf(text); i >= 0; i = message.indexOf(text, i + 1)) {
                count++;
            }
        }
        return count;
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    String url(String process, String path) {
        return "http://localhost:" + desk.port(process) + path;
    }

    String managementUrl(String process, String path) {
        return "http://localhost:" + desk.managementPort(process) + path;
    }

    static HttpResponse<String> send(String method, String url, String body, String authorization) {
        return DeskHttp.send(method, url, body, authorization);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() throws InterruptedException {
        producer.close(Duration.ofSeconds(5));
        try {
            ledger.close();
        } catch (java.sql.SQLException ignored) {
            // the database stops with the desk
        }
        recorder.close();
        desk.close();
        kafka.close();
    }
}
