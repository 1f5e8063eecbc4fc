package com.novaquant.alert.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP stand-in for execution-service's admin API: checks HTTP Basic credentials like the real one (401
 * otherwise), records every call, and answers with the documented JSON shapes.
 */
public final class FakeExecutionAdmin implements AutoCloseable {

    private volatile java.util.concurrent.CountDownLatch flattenHeld = new java.util.concurrent.CountDownLatch(0);

    public record Call(String method, String path, String authorization, String actor, String body) {
    }

    private final HttpServer server;
    private final String expectedAuthorization;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public FakeExecutionAdmin(String username, String password) {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        // A held flatten must not hold the other calls (the real API answers them meanwhile).
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
        flattenHeld.countDown();
        flattenHeld = new java.util.concurrent.CountDownLatch(0);
        failWith = 0;
    }

    /** Holds every flatten's answer until {@link #releaseFlatten()}, as execution does while legs are closing. */
    public void holdFlatten() {
        flattenHeld = new java.util.concurrent.CountDownLatch(1);
    }

    public void releaseFlatten() {
        flattenHeld.countDown();
    }

    /** Every call answers this HTTP status (0: normal answers). */
    public void failWith(int status) {
        this.failWith = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path, authorization,
                    exchange.getRequestHeaders().getFirst("X-Nova-Actor"), body));
            if (path.equals("/admin/flatten")) {
                try {
                    flattenHeld.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failWith != 0) {
                respond(exchange, failWith, "{\"error\":\"ledger unavailable\"}");
                return;
            }
            if (!expectedAuthorization.equals(authorization)) {
                respond(exchange, 401, "");
                return;
            }
            String answer = switch (exchange.getRequestMethod() + " " + path) {
                case "GET /admin/status" -> """
                        {"mode":"paper","killSwitch":{"deskMode":"HALTED","engaged":true,"reason":"LEG_RISK ETHUSDT",
                         "by":"execution-service","atMs":1},"openPairs":2,"openNotional":"20000.00","pnlToday":"12.34",
                         "tradingHeld":true,"heldReason":"feed gated: BTCUSDT","holds":[],
                         "feedGates":{"BTCUSDT":"USD-M frames lagging >200ms"},"unresolvedSymbols":[]}""";
                case "GET /admin/pnl" -> """
                        {"realised":"10.00","unrealised":"2.34","funding":"5.10","fees":"-1.20","total":"16.24",
                         "trades":7,"winRate":0.71}""";
                case "GET /admin/pairs" -> """
                        [{"symbol":"BTCUSDT","pairId":"p-1","spotQty":"0.100","perpQty":"-0.100",
                          "notional":"10000.00","fundingReceived":"3.00","unrealisedPnl":"1.00"}]""";
                case "POST /admin/kill-switch/engage" -> "{\"engaged\":true}";
                case "POST /admin/kill-switch/freeze" -> "{\"killSwitch\":{\"deskMode\":\"FROZEN\"}}";
                case "POST /admin/kill-switch/release" -> "{\"engaged\":false}";
                case "POST /admin/flatten" -> "{\"closing\":1}";
                default -> null;
            };
            if (answer == null) {
                respond(exchange, 404, "{\"error\":\"not found\"}");
            } else {
                respond(exchange, 200, answer);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
