package com.novaquant.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for data.binance.vision in the test's own process: serves a folder's files over HTTP on 127.0.0.1 (404
 * for anything not there), counts the requests, and can be told to answer a path with an error status.
 */
final class MirrorServer implements AutoCloseable {

    private final Path root;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stalling = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    private MirrorServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(handlers);
        server.start();
    }

    static MirrorServer serving(Path root) throws IOException {
        return new MirrorServer(root);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Requests answered so far. */
    int requests() {
        return requests.get();
    }

    /** From now on, answers {@code relative} with {@code status} and no body. */
    void answerWith(String relative, int status) {
        errors.put(relative, status);
    }

    /** From now on, sends half of {@code relative} and then nothing more until the server closes. */
    void stallHalfway(String relative) {
        stalling.put(relative, true);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String relative = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(relative).normalize();
            Integer error = errors.get(relative);
            if (error != null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(error != null ? error : 404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (stalling.containsKey(relative)) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    awaitClosing();
                    return;
                }
                out.write(body);
            }
        }
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.close();
    }
}
