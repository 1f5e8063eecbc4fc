package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.CombinedFrameParser;
import com.novaquant.binance.stream.parse.FrameType;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamTable;
import com.novaquant.binance.stream.parse.SymbolTable;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One combined-stream WebSocket connection that stays up: it connects, parses every text frame on the event loop and
 * hands the result to a {@link FrameListener}; answers pings (through a {@link ControlMessageLimiter}, so it never
 * exceeds Binance's per-connection message limit); reconnects with {@link Backoff} after any loss; reconnects at once
 * on {@code serverShutdown} and before the 24-hour cut ({@link StreamSettings#maxAge()}); and reconnects on request
 * ({@link #reconnect(String)}, used by the feed watchdog on lag or silence).
 *
 * <p>Its streams can change while it is open ({@link #subscribe}, {@link #unsubscribe}): the {@link StreamTable}
 * holds the streams it should carry, and each session brings the server in line with it by {@code SUBSCRIBE} /
 * {@code UNSUBSCRIBE} messages, many streams to a message, one message awaiting its answer at a time, paced by the
 * same {@link ControlMessageLimiter} as the pongs. A change that is refused or not answered within
 * {@link SubscriptionSettings#answerTimeout()} is reported and sent again; after
 * {@link SubscriptionSettings#attempts()} failures in a row the session is replaced. Every new session's URL carries
 * the table as it is then, so a reconnect resubscribes the current set, not the original one.
 *
 * <p>Thread model: frames of one session are handled on that channel's event loop; life-cycle transitions are
 * serialised on {@code lock}. Each session gets its own parser and buffers.
 */
public final class StreamConnection implements SubscribableConnection {

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
    private volatile Session current;
    private Disposable currentSubscription;
    private Disposable pendingConnect;
    private volatile boolean connected;
    /** Ids of control messages, unique over the connection's sessions so a late answer never matches a new request. */
    private final AtomicLong requestIds = new AtomicLong();

    public StreamConnection(ConnectionSpec spec, StreamSettings settings, SymbolTable symbols, FrameListener frames,
                            ConnectionListener lifecycle, Clock clock) {
        this(spec, settings, new StreamTable(spec.streams()), symbols, frames, lifecycle, clock);
    }

    /**
     * @param streams the streams it should carry, kept across its sessions; shared with whoever replaces this object
     *                for a new session (its changes go through {@link #subscribe} / {@link #unsubscribe})
     */
    public StreamConnection(ConnectionSpec spec, StreamSettings settings, StreamTable streams, SymbolTable symbols,
                            FrameListener frames, ConnectionListener lifecycle, Clock clock) {
        this.spec = spec;
        this.settings = settings;
        this.streamTable = streams;
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

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    /** True while a WebSocket session is established. */
    public boolean connected() {
        return connected;
    }

    /** The streams it carries (or is subscribing to) now. */
    public List<StreamKey> streams() {
        return streamTable.streams();
    }

    /**
     * Adds streams: frames of them are accepted from now on and the open session (if any) subscribes to them; a later
     * session has them in its URL.
     *
     * @throws IllegalStateException if the connection would carry more than
     *                               {@link StreamRoute#MAX_STREAMS_PER_CONNECTION} streams
     */
    @Override
    public void subscribe(Collection<StreamKey> streams) {
        synchronized (streamTable) {
            Set<String> present = names(streamTable.streams());
            long added = streams.stream().map(StreamKey::name).distinct().filter(name -> !present.contains(name)).count();
            if (present.size() + added > StreamRoute.MAX_STREAMS_PER_CONNECTION) {
                throw new IllegalStateException(spec.name() + ": " + (present.size() + added) + " streams; at most "
                        + StreamRoute.MAX_STREAMS_PER_CONNECTION + " per connection");
            }
            streamTable.add(streams);
        }
        changed();
    }

    /** Removes streams: their frames are refused from now on and the open session (if any) unsubscribes from them. */
    @Override
    public void unsubscribe(Collection<StreamKey> streams) {
        streamTable.remove(streams);
        changed();
    }

    private void changed() {
        Session session = current;
        Channel channel = session == null ? null : session.channel;
        if (channel != null) {
            channel.eventLoop().execute(() -> {
                session.failures = 0;
                reconcile(session);
            });
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            connect();
        }
    }

    @Override
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
        List<StreamKey> streams = streamTable.streams();
        streams.forEach(stream -> session.subscribed.add(stream.name()));
        current = session;
        currentSubscription = client.websocket(websocketSpec)
                .uri(ConnectionSpec.url(spec.endpoint(), streams))
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
        log.info("{} connected: {} streams", spec.name(), session.subscribed.size());
        // The table may have changed while the handshake was in flight.
        in.withConnection(connection -> connection.channel().eventLoop().execute(() -> reconcile(session)));
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
                case CONTROL_REPLY -> onControlReply(session, parser.replyId(), parser.replyError(), bytes, offset, length);
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

    /**
     * Brings the session's subscriptions in line with the table (event loop): removals first, so the server never
     * holds more than the table allows, then additions; one message awaiting its answer at a time.
     */
    private void reconcile(Session session) {
        Channel channel = session.channel;
        if (session.closed || session.inFlight != null || channel == null
                || session.failures >= settings.subscriptions().attempts()) {
            return;
        }
        Set<String> wanted = names(streamTable.streams());
        List<String> remove = new ArrayList<>();
        for (String name : session.subscribed) {
            if (!wanted.contains(name)) {
                remove.add(name);
            }
        }
        if (!remove.isEmpty()) {
            send(session, channel, SubscriptionChange.UNSUBSCRIBE, remove);
            return;
        }
        List<String> add = new ArrayList<>();
        for (StreamKey stream : streamTable.streams()) {
            if (!session.subscribed.contains(stream.name())) {
                add.add(stream.name());
            }
        }
        if (!add.isEmpty()) {
            send(session, channel, SubscriptionChange.SUBSCRIBE, add);
        }
    }

    private void send(Session session, Channel channel, SubscriptionChange change, List<String> names) {
        List<String> batch = List.copyOf(names.subList(0, Math.min(names.size(), settings.subscriptions().maxStreamsPerMessage())));
        long id = requestIds.incrementAndGet();
        String json = "{\"method\":\"" + change.name() + "\",\"params\":[\"" + String.join("\",\"", batch) + "\"],\"id\":" + id + "}";
        Request request = new Request(id, change, batch);
        session.inFlight = request;
        long wait = session.limiter.reserve(System.nanoTime());
        Runnable write = () -> {
            if (!session.closed) {
                channel.writeAndFlush(new TextWebSocketFrame(json), channel.voidPromise());
            }
        };
        if (wait == 0) {
            write.run();
        } else {
            channel.eventLoop().schedule(write, wait, TimeUnit.NANOSECONDS);
        }
        long timeout = wait + settings.subscriptions().answerTimeout().toNanos();
        request.timeout = channel.eventLoop().schedule(() -> {
            if (session.inFlight == request) {
                failed(session, request, "no answer within " + settings.subscriptions().answerTimeout().toMillis() + " ms");
            }
        }, timeout, TimeUnit.NANOSECONDS);
    }

    private void onControlReply(Session session, long id, boolean error, byte[] bytes, int offset, int length) {
        Request request = session.inFlight;
        if (request == null || request.id != id) {
            log.debug("{}: answer to no pending request: {}", spec.name(), new String(bytes, offset, length, StandardCharsets.UTF_8));
            return;
        }
        request.timeout.cancel(false);
        if (error) {
            failed(session, request, "refused: " + new String(bytes, offset, Math.min(length, 512), StandardCharsets.UTF_8));
            return;
        }
        session.inFlight = null;
        session.failures = 0;
        if (request.change == SubscriptionChange.SUBSCRIBE) {
            session.subscribed.addAll(request.streams);
        } else {
            request.streams.forEach(session.subscribed::remove);
        }
        log.info("{}: {} confirmed for {} streams", spec.name(), request.change, request.streams.size());
        lifecycle.onSubscriptionChanged(spec, request.change, request.streams);
        reconcile(session);
    }

    private void failed(Session session, Request request, String detail) {
        session.inFlight = null;
        session.failures++;
        int attempts = settings.subscriptions().attempts();
        log.warn("{}: {} of {} streams failed (attempt {} of {}): {}", spec.name(), request.change,
                request.streams.size(), session.failures, attempts, detail);
        lifecycle.onSubscriptionFailed(spec, request.change, detail);
        if (session.failures >= attempts) {
            // A new session's URL carries the whole current set: nothing is left to subscribe to by message.
            endSession(DisconnectCause.REQUESTED, request.change + " failed " + attempts + " times", false);
        } else {
            reconcile(session);
        }
    }

    private static Set<String> names(List<StreamKey> streams) {
        Set<String> names = new HashSet<>();
        streams.forEach(stream -> names.add(stream.name()));
        return names;
    }

    private void onSessionEnded(Session session) {
        session.closed = true;
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
        /** Streams the server carries on this session (its URL's, then each confirmed change); event loop only. */
        final Set<String> subscribed = new HashSet<>();
        Request inFlight;
        int failures;
        volatile boolean closed;
        volatile Channel channel;
        volatile long connectedAtNanos;
        volatile Throwable error;
        DisconnectCause endCause;
        String endReason;
        boolean reconnectImmediately;
    }

    /** A SUBSCRIBE or UNSUBSCRIBE awaiting its answer. */
    private static final class Request {
        final long id;
        final SubscriptionChange change;
        final List<String> streams;
        ScheduledFuture<?> timeout;

        Request(long id, SubscriptionChange change, List<String> streams) {
            this.id = id;
            this.change = change;
            this.streams = streams;
        }
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
