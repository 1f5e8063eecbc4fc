package com.novaquant.execution.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import com.novaquant.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange simulator as a child process of its exec jar (one per test JVM): a separate application with its
 * own Spring context, so none of execution's auto-configuration (datasource, security, Kafka) leaks into it.
 * Each test uses its own symbol, so tests share the simulator without seeing each other's orders.
 */
final class SimulatorProcess {

    static final String API_KEY = "nova-paper-key";
    static final String SECRET = "nova-paper-secret";
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "OPNUSDT", "LEGUSDT", "SPTUSDT", "PRTUSDT",
            "AMBUSDT", "DUPUSDT", "RSTUSDT", "KILUSDT", "FLTUSDT", "FUNUSDT", "ACBUSDT", "VUNUSDT", "BALUSDT", "BBLUSDT",
            "DRNUSDT", "ACCUSDT", "ACDUSDT", "CCAUSDT", "CCBUSDT", "CCCUSDT", "GATEUSDT", "BKSUSDT");
    /**
     * Listed on the simulator but in no test's {@code nova.symbols}: a symbol the traded universe adds, with filters
     * of its own (spot step 0.01, USD-M step 0.1) so that an order sized on them shows it.
     */
    static final String UNIVERSE_SYMBOL = "UNVUSDT";
    /** A second paper account, for a desk that must not see the first one's positions. */
    static final String UNIVERSE_API_KEY = "nova-universe-key";
    static final String UNIVERSE_SECRET = "nova-universe-secret";

    private static SimulatorProcess shared;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String baseUrl;

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://localhost:" + port;
    }

    static synchronized SimulatorProcess shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.process.destroy()));
        }
        return shared;
    }

    private static SimulatorProcess start() {
        try {
            int port = com.novaquant.testsupport.FreePorts.next();
            Path jar = execJar();
            Path log = Path.of("target", "exchange-simulator-it.log");
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                    "--server.port=" + port,
                    "--nova.simulator.symbols=" + String.join(",", SYMBOLS) + "," + UNIVERSE_SYMBOL,
                    "--nova.simulator.instruments[" + UNIVERSE_SYMBOL + "].spot-step-size=0.01",
                    "--nova.simulator.instruments[" + UNIVERSE_SYMBOL + "].futures-step-size=0.1",
                    "--nova.simulator.accounts[0].api-key=" + API_KEY,
                    "--nova.simulator.accounts[0].secret=" + SECRET,
                    "--nova.simulator.accounts[1].api-key=" + UNIVERSE_API_KEY,
                    "--nova.simulator.accounts[1].secret=" + UNIVERSE_SECRET,
                    "--nova.simulator.quote-rate=2",
                    "--spring.main.banner-mode=off")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SimulatorProcess simulator = new SimulatorProcess(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exchange simulator exited; see " + log.toAbsolutePath());
                }
                try {
                    if (Http.get(simulator.baseUrl + "/spot/api/v3/ping").status() == 200) {
                        return simulator;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            process.destroy();
            throw new IllegalStateException("exchange simulator did not start within 90 s; see " + log.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The runnable jar beside the plain one that is on the test class path (same Maven coordinates, classifier exec). */
    private static Path execJar() {
        try {
            Path plain = Path.of(ExchangeSimulatorApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path exec = plain.toString().endsWith(".jar")
                    ? plain.resolveSibling(plain.getFileName().toString().replace(".jar", "-exec.jar"))
                    : plain.getParent().resolve(plain.getParent().getParent().getFileName() + "-0.1.0-SNAPSHOT-exec.jar");
            if (!Files.exists(exec)) {
                File target = new File("../exchange-simulator/target");
                File[] jars = target.listFiles((dir, name) -> name.endsWith("-exec.jar"));
                if (jars != null && jars.length > 0) {
                    return jars[0].toPath();
                }
                throw new IllegalStateException("exchange-simulator exec jar not found next to " + plain
                        + "; run ./nq mvn -q -B install -DskipTests -pl :exchange-simulator");
            }
            return exec;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String spotUrl() {
        return baseUrl + "/spot";
    }

    String futuresUrl() {
        return baseUrl + "/futures";
    }

    /** Spot stream base ({@code nova.binance.spot.ws-url}): the simulator serves {@code /spot/stream}. */
    String spotWsUrl() {
        return baseUrl.replace("http://", "ws://") + "/spot";
    }

    /** USD-M stream base ({@code nova.binance.futures.ws-url}): {@code /futures/public/stream} for book tickers. */
    String futuresWsUrl() {
        return baseUrl.replace("http://", "ws://") + "/futures";
    }

    /**
     * The simulator's best bid and ask of a symbol on a venue ({@code SPOT} or {@code USDM}) right now, as its REST
     * book ticker answers: what its book-ticker streams show. Null when the symbol is not listed.
     */
    java.math.BigDecimal[] bookTicker(String symbol, String venue) {
        String url = "SPOT".equals(venue) ? spotUrl() + "/api/v3/ticker/bookTicker?symbol=" + symbol
                : futuresUrl() + "/fapi/v1/ticker/bookTicker?symbol=" + symbol;
        Http.Response response = Http.get(url);
        if (response.status() != 200) {
            return null;
        }
        JsonNode ticker = JSON.readTree(response.body());
        return new java.math.BigDecimal[]{new java.math.BigDecimal(ticker.path("bidPrice").asString()),
                new java.math.BigDecimal(ticker.path("askPrice").asString())};
    }

    void post(String path, String json) {
        Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
    }

    void clearFaults() {
        Http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/faults")).DELETE().build());
    }

    /** Every order the simulator received for a symbol on a venue, in arrival order. */
    List<JsonNode> orders(String symbol, String venue) {
        JsonNode all = JSON.readTree(Http.get(baseUrl + "/admin/orders").body());
        JsonNode list = all.isArray() ? all : all.path("orders");
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode order : list) {
            if (symbol.equals(order.path("symbol").asString()) && venue.equals(order.path("venue").asString())) {
                matching.add(order);
            }
        }
        return matching;
    }

    /** The perp position of the paper account in a symbol (negative: short), zero when flat. */
    java.math.BigDecimal perpPosition(String symbol) {
        for (JsonNode position : accounts().get(0).path("futures").path("positions")) {
            if (symbol.equals(position.path("symbol").asString())) {
                return new java.math.BigDecimal(position.path("positionAmt").asString());
            }
        }
        return java.math.BigDecimal.ZERO;
    }

    /** Free + locked spot balance of the paper account in an asset. */
    java.math.BigDecimal spotBalance(String asset) {
        for (JsonNode balance : accounts().get(0).path("spot")) {
            if (asset.equals(balance.path("asset").asString())) {
                return new java.math.BigDecimal(balance.path("free").asString())
                        .add(new java.math.BigDecimal(balance.path("locked").asString()));
            }
        }
        return java.math.BigDecimal.ZERO;
    }

    /** The paper accounts as the simulator holds them (balances, positions, open orders). */
    JsonNode accounts() {
        return JSON.readTree(Http.get(baseUrl + "/admin/accounts").body());
    }

    /** The first paper account's own records of a symbol: its trades on both venues and its income entries. */
    JsonNode records(String symbol) {
        return JSON.readTree(Http.get(baseUrl + "/admin/records?symbol=" + symbol).body()).get(0);
    }
}
