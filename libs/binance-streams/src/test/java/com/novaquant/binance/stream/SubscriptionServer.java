package com.novaquant.binance.stream;

import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback combined-stream endpoint that honours live subscriptions as Binance does: the streams of the URL, then
 * {@code SUBSCRIBE} / {@code UNSUBSCRIBE} messages answered {@code {"result":null,"id":n}}. Tests script the answers
 * (an error, or none at all) and read every message a client sent, with its arrival time.
 */
final class SubscriptionServer implements AutoCloseable {

    private static final Pattern CONTROL = Pattern.compile("\\{\"method\":\"(\\w+)\",\"params\":\\[(.*)],\"id\":(\\d+)}");

    enum Answer { OK, ERROR, NONE }

    /** A control message a client sent: method, streams, id, arrival ({@link System#nanoTime()}). */
    record Control(String method, List<String> streams, long id, long atNanos) {
    }

    /** One accepted session. */
    static final class Session {
        final String uri;
        final Set<String> streams = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        final BlockingQueue<Control> controls = new LinkedBlockingQueue<>();
        final List<Long> pongNanos = new CopyOnWriteArrayList<>();
        final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

        Session(String uri) {
            this.uri = uri;
            int query = uri.indexOf("streams=");
            if (query >= 0) {
                streams.addAll(Arrays.asList(uri.substring(query + "streams=".length()).split("/")));
            }
        }

        Control nextControl() throws InterruptedException {
            Control control = controls.poll(10, TimeUnit.SECONDS);
            assertThat(control).as("a control message reached the server").isNotNull();
            return control;
        }

        // The test thread and the server's answers both emit: a unicast sink takes one emitter at a time.
        synchronized void send(String text) {
            outbound.tryEmitNext(new TextWebSocketFrame(text));
        }

        synchronized void ping(String payload) {
            outbound.tryEmitNext(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
        }

        synchronized void drop() {
            outbound.tryEmitComplete();
        }
    }

    final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    SubscriptionServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                // A URL carrying 1024 stream names is ~25 kB.
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(65_536))
                .route(routes -> routes.get("/stream", (request, response) -> response.sendWebsocket((in, out) -> {
                    Session session = new Session(request.uri());
                    sessions.add(session);
                    in.receiveFrames().subscribe(frame -> {
                        if (frame instanceof PongWebSocketFrame) {
                            session.pongNanos.add(System.nanoTime());
                        } else if (frame instanceof TextWebSocketFrame text) {
                            onControl(session, text.text());
                        }
                    });
                    return out.sendObject(session.outbound.asFlux());
                }, WebsocketServerSpec.builder().handlePing(true).maxFramePayloadLength(1 << 20).build())))
                .bindNow();
    }

    private void onControl(Session session, String text) {
        Matcher m = CONTROL.matcher(text);
        if (!m.matches()) {
            session.send("{\"code\":3,\"msg\":\"Invalid JSON\",\"id\":null}");
            return;
        }
        List<String> streams = new ArrayList<>();
        for (String quoted : m.group(2).split(",")) {
            streams.add(quoted.replace("\"", ""));
        }
        long id = Long.parseLong(m.group(3));
        session.controls.add(new Control(m.group(1), streams, id, System.nanoTime()));
        Answer answer = script.poll();
        if (answer == null) {
            answer = Answer.OK;
        }
        switch (answer) {
            case OK -> {
                if (m.group(1).equals("SUBSCRIBE")) {
                    session.streams.addAll(streams);
                } else {
                    streams.forEach(session.streams::remove);
                }
                session.send("{\"result\":null,\"id\":" + id + "}");
            }
            case ERROR -> session.send("{\"code\":2,\"msg\":\"Invalid request: too many parameters\",\"id\":" + id + "}");
            case NONE -> { }
        }
    }

    String baseUrl() {
        return "ws://127.0.0.1:" + server.port();
    }

    Session nextSession() throws InterruptedException {
        Session session = sessions.poll(10, TimeUnit.SECONDS);
        assertThat(session).as("a connection reached the server").isNotNull();
        return session;
    }

    static String bookTicker(String symbol, long updateId) {
        return "{\"stream\":\"" + symbol.toLowerCase() + "@bookTicker\",\"data\":{\"u\":" + updateId + ",\"s\":\"" + symbol
                + "\",\"b\":\"10.01\",\"B\":\"1.5\",\"a\":\"10.02\",\"A\":\"2.5\"}}";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
