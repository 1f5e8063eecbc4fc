package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.CombinedFrameParser;
import com.novaquant.binance.stream.parse.FrameType;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.binance.stream.parse.StreamTable;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One combined-stream WebSocket connection that stays up: it connects, parses every text frame on the event loop and
 * hands the result to a {@link FrameListener}; answers pings (through a {@link ControlMessageLimiter}, so it never
 * exceeds Binance's per-connection message limit); reconnects with {@link Backoff} after any loss; reconnects at once
 * on {@code serverShutdown} and before the 24-hour cut ({@link StreamSettings#maxAge()}); and reconnects on request
 * ({@link #reconnect(String)}, used by the feed watchdog on lag or silence).
 *
 * <p>Thread model: frames of one session are handled on that channel's event loop; life-cycle transitions are
 * serialised on {@code lock}. Each session gets its own parser and buffers.
 */
public final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    private final ConnectionSpec spec;
    private final StreamSettings settings;
    private final StreamTable streamTable;
    private final SymbolTable symbols;
    private final FrameListener frames;
    private final ConnectionListener lifecycle;
    private final Clock clock;
    private final HttpClient client;
    private final WebsocketClientSpec websocketSpec;

    private final Object lock = new Object();
    private boolean running;
    private int attempt;
    private Session current;
    private Disposable currentSubscription;
    private Disposable pendingConnect;
    private volatile boolean connected;

    public StreamConnection(ConnectionSpec spec, StreamSettings settings, SymbolTable symbols, FrameListener frames,
                            ConnectionListener lifecycle, Clock clock) {
        this.spec = spec;
        this.settings = settings;
        this.streamTable = new StreamTable(spec.streams());
        this.symbols = symbols;
        this.frames = frames;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.client = httpClient(settings.connectTimeout());
        this.websocketSpec = WebsocketClientSpec.builder()
                .handlePing(true)
                .maxFramePayloadLength(settings.maxFrameBytes())
                .build();
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** True while a WebSocket session is established. */
    public boolean connected() {
        return connected;
    }

    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            connect();
        }
    }

    public void stop() {
        synchronized (lock) {
            running = false;
            connected = false;
            if (pendingConnect != null) {
                pendingConnect.dispose();
                pendingConnect = null;
            }
            if (currentSubscription != null) {
                currentSubscription.dispose();
                currentSubscription = null;
            }
        }
    }

    /** Drops the current session (if any) and reconnects after the backoff delay. */
    public void reconnect(String reason) {
        endSession(DisconnectCause.REQUESTED, reason, false);
    }

    private void endSession(DisconnectCause cause, String reason, boolean immediate) {
        synchronized (lock) {
            Session session = current;
            if (!running || session == null || session.endReason != null) {
                return;
            }
            session.endCause = cause;
            session.endReason = reason;
            session.reconnectImmediately = immediate;
            currentSubscription.dispose();
        }
    }

    private void connect() {
        Session session = new Session();
        current = session;
        currentSubscription = client.websocket(websocketSpec)
                .uri(spec.url())
                .handle((in, out) -> run(session, in, out))
                .then()
                .doOnError(e -> session.error = e)
                .doFinally(signal -> onSessionEnded(session))
                .subscribe(v -> { }, e -> { });
    }

    private Publisher<Void> run(Session session, WebsocketInbound in, WebsocketOutbound out) {
        synchronized (lock) {
            if (!running || session != current) {
                // Stopped (or replaced) while the handshake was in flight: close at once, never report connected.
                return Mono.empty();
            }
            in.withConnection(connection -> session.channel = connection.channel());
            session.connectedAtNanos = System.nanoTime();
            connected = true;
        }
        lifecycle.onConnected(spec);
        log.info("{} connected: {} streams", spec.name(), spec.streams().size());
        return in.aggregateFrames(settings.maxFrameBytes())
                .receiveFrames()
                .doOnNext(frame -> onFrame(session, frame))
                .takeUntilOther(Mono.delay(settings.maxAge(), Schedulers.parallel())
                        .doOnNext(t -> markEnd(session, DisconnectCause.MAX_AGE, "max age " + settings.maxAge() + " reached", true)))
                .then();
    }

    private void markEnd(Session session, DisconnectCause cause, String reason, boolean immediate) {
        synchronized (lock) {
            if (session.endReason == null) {
                session.endCause = cause;
                session.endReason = reason;
                session.reconnectImmediately = immediate;
            }
        }
    }

    private void onFrame(Session session, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            onText(session, frame.content());
        } else if (frame instanceof PingWebSocketFrame) {
            sendPong(session, frame.content());
        } else if (frame instanceof CloseWebSocketFrame close) {
            markEnd(session, DisconnectCause.SERVER_CLOSED, "server closed: " + close.statusCode() + " " + close.reasonText(), false);
        }
    }

    private void onText(Session session, ByteBuf content) {
        ReceivedFrame received = session.frame;
        Instant now = clock.instant();
        received.receivedNanos = System.nanoTime();
        received.receivedAtMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        int length = content.readableBytes();
        byte[] bytes;
        int offset;
        if (content.hasArray()) {
            bytes = content.array();
            offset = content.arrayOffset() + content.readerIndex();
        } else {
            if (session.scratch.length < length) {
                session.scratch = new byte[Math.min(Math.max(length, session.scratch.length * 2), settings.maxFrameBytes() + 1)];
            }
            bytes = session.scratch;
            offset = 0;
            content.getBytes(content.readerIndex(), bytes, 0, Math.min(length, bytes.length));
        }
        received.buffer = bytes;
        received.offset = offset;
        received.length = length;
        CombinedFrameParser parser = session.parser;
        FrameType type = parser.parse(bytes, offset, length);
        received.dataOffset = parser.dataOffset();
        received.dataLength = parser.dataLength();
        try {
            switch (type) {
                case BOOK_TICKER -> frames.onBookTicker(spec, parser.stream(), parser.bookTicker(), received);
                case MARK_PRICE -> frames.onMarkPrice(spec, parser.stream(), parser.markPrice(), received);
                case REJECTED -> frames.onRejected(spec, parser.rejection(), received);
                case SERVER_SHUTDOWN -> {
                    log.info("{}: serverShutdown received, reconnecting now", spec.name());
                    endSession(DisconnectCause.SERVER_SHUTDOWN, "serverShutdown", true);
                }
                case CONTROL_REPLY -> { }
            }
        } catch (RuntimeException e) {
            // A listener bug must not take the feed down with it; the frame is lost, the session carries on.
            log.error("{}: frame listener failed", spec.name(), e);
        }
    }

    private void sendPong(Session session, ByteBuf pingPayload) {
        Channel channel = session.channel;
        if (channel == null) {
            return;
        }
        PongWebSocketFrame pong = new PongWebSocketFrame(pingPayload.retainedDuplicate());
        long wait = session.limiter.reserve(System.nanoTime());
        if (wait == 0) {
            channel.writeAndFlush(pong, channel.voidPromise());
        } else {
            channel.eventLoop().schedule(() -> channel.writeAndFlush(pong, channel.voidPromise()), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void onSessionEnded(Session session) {
        synchronized (lock) {
            if (session != current) {
                return;
            }
            connected = false;
            current = null;
            boolean wasConnected = session.connectedAtNanos != 0;
            DisconnectCause cause = session.endCause != null ? session.endCause
                    : !wasConnected ? DisconnectCause.CONNECT_FAILED
                    : session.error != null ? DisconnectCause.ERROR : DisconnectCause.SERVER_CLOSED;
            String reason = session.endReason != null ? session.endReason
                    : session.error != null ? session.error.toString() : "closed by server";
            if (wasConnected) {
                lifecycle.onDisconnected(spec, cause, reason);
                if (System.nanoTime() - session.connectedAtNanos >= settings.stableAfter().toNanos()) {
                    attempt = 0;
                }
            }
            if (!running) {
                return;
            }
            Duration delay = session.reconnectImmediately ? Duration.ZERO : settings.backoff().delay(attempt);
            attempt++;
            log.warn("{} disconnected ({}); reconnect attempt {} in {} ms", spec.name(), reason, attempt, delay.toMillis());
            lifecycle.onReconnectScheduled(spec, delay, attempt, cause);
            pendingConnect = Mono.delay(delay, Schedulers.parallel()).subscribe(t -> {
                synchronized (lock) {
                    pendingConnect = null;
                    if (running && current == null) {
                        connect();
                    }
                }
            });
        }
    }

    private final class Session {
        final CombinedFrameParser parser = new CombinedFrameParser(streamTable, symbols, spec.route().usdm(), settings.maxFrameBytes());
        final ControlMessageLimiter limiter = new ControlMessageLimiter(spec.route().controlMessagesPerSecond());
        final ReceivedFrame frame = new ReceivedFrame();
        byte[] scratch = new byte[1024];
        volatile Channel channel;
        volatile long connectedAtNanos;
        volatile Throwable error;
        DisconnectCause endCause;
        String endReason;
        boolean reconnectImmediately;
    }

    /**
     * One dedicated connection per stream set, with TCP keepalive (the host's {@code net.ipv4.tcp_keepalive_*} tuning
     * then reaps a connection whose peer vanished, besides the stream's own silence watchdog) and, on Linux, TCP Fast
     * Open on connect (the {@code net.ipv4.tcp_fastopen} tuning: one round trip less on a reconnect where the venue
     * supports it).
     */
    static HttpClient httpClient(Duration connectTimeout) {
        HttpClient http = HttpClient.newConnection()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        return Epoll.isAvailable() ? http.option(EpollChannelOption.TCP_FASTOPEN_CONNECT, true) : http;
    }
}
