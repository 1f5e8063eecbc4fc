package com.novaquant.binance.testserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server on loopback that answers like Binance (spot under {@code /spot}, USD-M under
 * {@code /futures}): verifies the API key header and the HMAC signature byte-exact over the raw query string
 * plus body, enforces the recvWindow/timestamp rule against its own (skewable) clock, serves time and
 * exchangeInfo, and answers every other call from a script of responses per method and path.
 */
public final class FakeBinance implements AutoCloseable {

    public static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    public static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /** One canned answer. {@code delayMs} > 0 sleeps before answering (read-timeout tests). */
    public record Response(int status, Map<String, String> headers, String body, long delayMs) {

        public static Response ok(String body) {
            return new Response(200, Map.of(), body, 0);
        }

        public static Response error(int status, int code, String msg) {
            return new Response(status, Map.of(), "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}", 0);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body, delayMs);
        }

        public Response delayed(long millis) {
            return new Response(status, headers, body, millis);
        }
    }

    /** A request as the server received it. */
    public record Received(String method, String path, String rawQuery, Map<String, String> params,
                           String apiKeyHeader, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Function<Received, Response>>> script = new ConcurrentHashMap<>();
    private final Map<String, Function<Received, Response>> defaults = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong clockSkewMs = new AtomicLong();
    private final AtomicLong signatureFailures = new AtomicLong();

    public FakeBinance() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        defaults.put("GET /spot/api/v3/time", r -> Response.ok("{\"serverTime\":" + serverNowMs() + "}"));
        defaults.put("GET /futures/fapi/v1/time", r -> Response.ok("{\"serverTime\":" + serverNowMs() + "}"));
        defaults.put("GET /spot/api/v3/exchangeInfo", r -> Response.ok(ExchangeInfoSamples.SPOT));
        defaults.put("GET /futures/fapi/v1/exchangeInfo", r -> Response.ok(ExchangeInfoSamples.FUTURES));
        server.start();
    }

    public URI spotUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/spot");
    }

    public URI futuresUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/futures");
    }

    /** The server's clock runs this many ms ahead of the test JVM's clock. */
    public void skewClock(long millis) {
        clockSkewMs.set(millis);
    }

    public long serverNowMs() {
        return System.currentTimeMillis() + clockSkewMs.get();
    }

    /** Queues one answer for {@code "METHOD /spot/api/v3/order"}; queued answers are used once, in order. */
    public FakeBinance enqueue(String methodAndPath, Response response) {
        script.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedDeque<>()).add(r -> response);
        return this;
    }

    /** Answers {@code "METHOD path"} with this function whenever nothing is queued. */
    public FakeBinance always(String methodAndPath, Function<Received, Response> responder) {
        defaults.put(methodAndPath, responder);
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public long signatureFailures() {
        return signatureFailures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            handleOrFail(exchange);
        } catch (RuntimeException | IOException e) {
            System.err.println("FakeBinance handler failed: " + e);
            throw e;
        }
    }

    private void handleOrFail(HttpExchange exchange) throws IOException {
        {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery() == null ? ""
                    : exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers headers = exchange.getRequestHeaders();
            Received request = new Received(method, path, rawQuery, parse(rawQuery + (body.isEmpty() ? ""
                    : "&" + body)), headers.getFirst("X-MBX-APIKEY"), body);
            received.add(request);
            Response response = authenticate(request);
            if (response == null) {
                String key = method + " " + path;
                Deque<Function<Received, Response>> queued = script.get(key);
                Function<Received, Response> next = queued == null ? null : queued.poll();
                if (next == null) {
                    next = defaults.get(key);
                }
                response = next == null ? Response.error(404, -1, "no route " + key) : next.apply(request);
            }
            send(exchange, response);
        }
    }

    /** Binance's checks for SIGNED endpoints: key header, signature, then timestamp against recvWindow. */
    private Response authenticate(Received request) {
        if (!request.params().containsKey("signature")) {
            return null;
        }
        if (!API_KEY.equals(request.apiKeyHeader())) {
            return Response.error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String query = request.rawQuery();
        int at = query.lastIndexOf("&signature=");
        if (at < 0 || query.indexOf('&', at + 1) >= 0) {
            signatureFailures.incrementAndGet();
            return Response.error(400, -1022, "Signature for this request is not valid.");
        }
        String signed = query.substring(0, at) + request.body();
        String given = query.substring(at + "&signature=".length());
        String expected = hmacHex(SECRET, signed);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            signatureFailures.incrementAndGet();
            return Response.error(400, -1022, "Signature for this request is not valid.");
        }
        long timestamp = Long.parseLong(request.params().get("timestamp"));
        long recvWindow = Long.parseLong(request.params().getOrDefault("recvWindow", "5000"));
        long serverTime = serverNowMs();
        if (timestamp >= serverTime + 1000 || serverTime - timestamp > recvWindow) {
            return Response.error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    /** Independent HMAC-SHA256 (javax.crypto), lower-case hex. */
    public static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        if (response.delayMs() > 0) {
            try {
                Thread.sleep(response.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(received.size()));
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
