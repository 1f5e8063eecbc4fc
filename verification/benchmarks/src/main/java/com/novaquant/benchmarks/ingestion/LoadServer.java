package com.novaquant.benchmarks.ingestion;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback Binance market-data server for load: spot {@code /spot/stream}, USD-M {@code /futures/public/stream}
 * and {@code /futures/market/stream}, speaking the combined-stream formats of docs/binance-protocol.md ("Combined
 * streams", "Stream payloads"). One generator thread paces bookTicker updates at the requested rate over every
 * subscribed book-ticker stream (each frame with a fresh update id, prices and, on USD-M, the current event time)
 * and one markPriceUpdate per symbol per second.
 */
final class LoadServer implements AutoCloseable {

    private record Session(boolean spot, boolean markPrice, List<String> streams, Sinks.Many<WebSocketFrame> outbound) {
    }

    private final DisposableServer server;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong offered = new AtomicLong();
    private volatile long rate;
    private volatile boolean running = true;
    private final Thread generator;

    LoadServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> {
                    route(routes, "/spot/stream", true, false);
                    route(routes, "/futures/public/stream", false, false);
                    route(routes, "/futures/market/stream", false, true);
                })
                .bindNow();
        generator = new Thread(this::generate, "load-generator");
        generator.setDaemon(true);
        generator.start();
    }

    private void route(reactor.netty.http.server.HttpServerRoutes routes, String path, boolean spot, boolean markPrice) {
        routes.get(path, (request, response) -> {
            String query = request.uri().substring(request.uri().indexOf("streams=") + "streams=".length());
            List<String> streams = List.of(query.split("/"));
            return response.sendWebsocket((in, out) -> {
                Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer();
                Session session = new Session(spot, markPrice, streams, sink);
                sessions.add(session);
                in.receiveCloseStatus().subscribe(status -> sessions.remove(session));
                return out.sendObject(sink.asFlux()).then().doFinally(signal -> sessions.remove(session));
            });
        });
    }

    String spotBase() {
        return "ws://127.0.0.1:" + server.port() + "/spot";
    }

    String futuresBase() {
        return "ws://127.0.0.1:" + server.port() + "/futures";
    }

    /** Book-ticker updates per second over all book-ticker streams; 0 pauses. */
    void rate(long updatesPerSecond) {
        this.rate = updatesPerSecond;
    }

    /** Book-ticker frames handed to the connections so far. */
    long offered() {
        return offered.get();
    }

    private void generate() {
        long sent = 0;
        long phaseStart = System.nanoTime();
        long phaseRate = 0;
        long nextMarkNanos = System.nanoTime();
        long updateId = 1;
        int cursor = 0;
        while (running) {
            LockSupport.parkNanos(200_000);
            long now = System.nanoTime();
            long current = rate;
            if (current != phaseRate) {
                phaseRate = current;
                phaseStart = now;
                sent = 0;
            }
            List<Session> bookSessions = sessions.stream().filter(s -> !s.markPrice()).toList();
            if (now - nextMarkNanos >= 0) {
                nextMarkNanos = now + 1_000_000_000L;
                for (Session session : sessions) {
                    if (session.markPrice()) {
                        for (String stream : session.streams()) {
                            session.outbound().tryEmitNext(new TextWebSocketFrame(markPrice(stream)));
                        }
                    }
                }
            }
            if (phaseRate == 0 || bookSessions.isEmpty()) {
                continue;
            }
            long owed = phaseRate * (now - phaseStart) / 1_000_000_000L - sent;
            long eventTime = System.currentTimeMillis();
            for (long i = 0; i < owed; i++) {
                Session session = bookSessions.get(cursor % bookSessions.size());
                String stream = session.streams().get((cursor / bookSessions.size()) % session.streams().size());
                cursor++;
                updateId++;
                session.outbound().tryEmitNext(new TextWebSocketFrame(bookTicker(session.spot(), stream, updateId, eventTime)));
            }
            sent += owed;
            offered.addAndGet(owed);
        }
    }

    private static String symbol(String stream) {
        return stream.substring(0, stream.indexOf('@')).toUpperCase(Locale.ROOT);
    }

    private static String bookTicker(boolean spot, String stream, long updateId, long eventTime) {
        String symbol = symbol(stream);
        long cents = 6_425_000 + updateId % 1000;
        String bid = cents / 100 + "." + String.format("%02d", cents % 100);
        String ask = (cents + 1) / 100 + "." + String.format("%02d", (cents + 1) % 100);
        String data = spot
                ? "{\"u\":" + updateId + ",\"s\":\"" + symbol + "\",\"b\":\"" + bid + "000000\",\"B\":\"0.41200000\",\"a\":\""
                + ask + "000000\",\"A\":\"1.03000000\"}"
                : "{\"e\":\"bookTicker\",\"u\":" + updateId + ",\"E\":" + eventTime + ",\"T\":" + eventTime + ",\"s\":\""
                + symbol + "\",\"b\":\"" + bid + "\",\"B\":\"3.412\",\"a\":\"" + ask + "\",\"A\":\"0.870\"}";
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    private static String markPrice(String stream) {
        long now = System.currentTimeMillis();
        return "{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + now + ",\"s\":\"" + symbol(stream)
                + "\",\"p\":\"64260.53000000\",\"ap\":\"64258.90000000\",\"i\":\"64231.77812345\",\"P\":\"64240.11223344\","
                + "\"r\":\"0.00010000\",\"T\":1772006400000}}";
    }

    @Override
    public void close() {
        running = false;
        server.disposeNow();
    }
}
