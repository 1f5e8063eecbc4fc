package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.SymbolTable;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConnectionTest {

    static final String TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":5123456789,\"s\":\"BTCUSDT\","
            + "\"b\":\"64250.01000000\",\"B\":\"0.41200000\",\"a\":\"64250.02000000\",\"A\":\"1.03000000\"}}";

    /** Every accepted session: its request URI and a sink to push frames to the client. */
    record ServerSession(String uri, Sinks.Many<WebSocketFrame> outbound, BlockingQueue<String> pongs) {
    }

    final BlockingQueue<ServerSession> sessions = new LinkedBlockingQueue<>();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    DisposableServer server;
    StreamConnection connection;

    @BeforeEach
    void startServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/stream", (request, response) -> response.sendWebsocket((in, out) -> {
                    Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer();
                    BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
                    sessions.add(new ServerSession(request.uri(), sink, pongs));
                    in.receiveFrames().subscribe(frame -> {
                        if (frame instanceof PongWebSocketFrame) {
                            pongs.add(frame.content().toString(StandardCharsets.UTF_8));
                        }
                    });
                    return out.sendObject(sink.asFlux());
                }, WebsocketServerSpec.builder().handlePing(true).build())))
                .bindNow();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        server.disposeNow();
    }

    void connect(StreamSettings settings) {
        StreamKey stream = new StreamKey(0, "btcusdt@bookTicker", "BTCUSDT", com.novaquant.binance.stream.parse.StreamType.BOOK_TICKER);
        String url = "ws://127.0.0.1:" + server.port();
        ConnectionSpec spec = StreamPlanner.plan(url, url, List.of("BTCUSDT"), 1, 1).getFirst();
        assertThat(spec.streams()).containsExactly(stream);
        connection = new StreamConnection(spec, settings, new SymbolTable(List.of("BTCUSDT")), new FrameListener() {
            @Override
            public void onBookTicker(ConnectionSpec c, StreamKey s, BookTicker ticker, ReceivedFrame frame) {
                received.add(s.name() + " " + ticker.bidPrice() + " " + ticker.askQty());
            }

            @Override
            public void onMarkPrice(ConnectionSpec c, StreamKey s, MarkPrice markPrice, ReceivedFrame frame) {
                received.add("mark");
            }

            @Override
            public void onRejected(ConnectionSpec c, ParseStatus reason, ReceivedFrame frame) {
                received.add("rejected " + reason);
            }
        }, new ConnectionListener() {
            @Override
            public void onConnected(ConnectionSpec c) {
            }

            @Override
            public void onDisconnected(ConnectionSpec c, DisconnectCause cause, String detail) {
                disconnects.add(cause + " " + detail);
            }

            @Override
            public void onReconnectScheduled(ConnectionSpec c, Duration delay, int attempt, DisconnectCause cause) {
            }
        }, Clock.systemUTC());
        connection.start();
    }

    static StreamSettings settings(Duration maxAge, Duration backoff) {
        return new StreamSettings(maxAge, new Backoff(backoff, backoff.multipliedBy(2)), Duration.ofMinutes(1), Duration.ofSeconds(2), 65536);
    }

    ServerSession nextSession() throws InterruptedException {
        ServerSession session = sessions.poll(10, TimeUnit.SECONDS);
        assertThat(session).as("a connection reached the server").isNotNull();
        return session;
    }

    void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!connection.connected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(connection.connected()).isTrue();
    }

    @Test
    void deliversParsedTickersAndCountsMalformedFramesWithoutDroppingTheSession() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofSeconds(10)));
        ServerSession session = nextSession();
        assertThat(session.uri()).isEqualTo("/stream?streams=btcusdt@bookTicker");
        session.outbound().tryEmitNext(new TextWebSocketFrame("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1"));
        session.outbound().tryEmitNext(new TextWebSocketFrame(TICKER));
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("rejected TRUNCATED");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("btcusdt@bookTicker 64250.01000000 1.03000000");
        assertThat(connection.connected()).isTrue();
    }

    @Test
    void answersServerPingWithPongEchoingThePayload() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofSeconds(10)));
        ServerSession session = nextSession();
        session.outbound().tryEmitNext(new PingWebSocketFrame(Unpooled.copiedBuffer("ping-42", StandardCharsets.UTF_8)));
        assertThat(session.pongs().poll(10, TimeUnit.SECONDS)).isEqualTo("ping-42");
    }

    @Test
    void pongsBeyondTheControlMessageLimitAreDelayedNotDropped() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofSeconds(10)));
        ServerSession session = nextSession();
        long start = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            session.outbound().tryEmitNext(new PingWebSocketFrame(Unpooled.copiedBuffer("p" + i, StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 7; i++) {
            assertThat(session.pongs().poll(10, TimeUnit.SECONDS)).isEqualTo("p" + i);
        }
        // 5 per second on spot: the 7th pong cannot leave before 6 intervals of 200 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void serverShutdownTriggersAnImmediateReconnect() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofSeconds(30)));
        ServerSession first = nextSession();
        first.outbound().tryEmitNext(new TextWebSocketFrame("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1772000000000}}"));
        ServerSession second = nextSession();
        second.outbound().tryEmitNext(new TextWebSocketFrame(TICKER));
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("btcusdt@bookTicker");
        assertThat(disconnects).containsExactly("SERVER_SHUTDOWN serverShutdown");
    }

    @Test
    void connectionOlderThanMaxAgeIsReplacedProactively() throws Exception {
        connect(settings(Duration.ofMillis(300), Duration.ofSeconds(30)));
        nextSession();
        nextSession();
        assertThat(disconnects.getFirst()).startsWith("MAX_AGE max age");
    }

    @Test
    void droppedConnectionIsReestablishedAfterBackoff() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofMillis(100)));
        ServerSession first = nextSession();
        first.outbound().tryEmitComplete();
        ServerSession second = nextSession();
        second.outbound().tryEmitNext(new TextWebSocketFrame(TICKER));
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("btcusdt@bookTicker");
    }

    @Test
    void requestedReconnectClosesTheSessionAndOpensANewOne() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofMillis(100)));
        nextSession();
        awaitConnected();
        connection.reconnect("lag");
        nextSession();
        assertThat(disconnects).containsExactly("REQUESTED lag");
    }

    @Test
    void stoppedConnectionDoesNotReconnect() throws Exception {
        connect(settings(Duration.ofHours(1), Duration.ofMillis(50)));
        nextSession();
        connection.stop();
        assertThat(sessions.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(connection.connected()).isFalse();
    }
}
