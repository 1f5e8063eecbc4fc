package com.novaquant.simulator.adapter.ws;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A market-stream endpoint ({@code .../ws/<streams>} raw or {@code .../stream?streams=} combined) of
 * one channel. Serves subscriptions through the hub, answers the JSON control messages, pings on the
 * venue's interval, drops clients that stop ponging, exceed the incoming-message limit, or outlive
 * the maximum connection age (after a {@code serverShutdown}).
 */
final class MarketStreamHandler implements WebSocketHandler {

    private static final AtomicLong IDS = new AtomicLong();

    private final StreamHub hub;
    private final StreamChannel channel;
    private final boolean combinedByDefault;
    private final String rawPrefix;
    private final ConnectionRules rules;
    private final ControlMessages control;

    MarketStreamHandler(StreamHub hub, StreamChannel channel, boolean combinedByDefault, String rawPrefix,
                        ConnectionRules rules, ControlMessages control) {
        this.hub = hub;
        this.channel = channel;
        this.combinedByDefault = combinedByDefault;
        this.rawPrefix = rawPrefix;
        this.rules = rules;
        this.control = control;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        StreamConnection[] holder = new StreamConnection[1];
        StreamConnection connection = new StreamConnection(IDS.incrementAndGet(), channel, combinedByDefault,
                rules.outboundBuffer(), () -> hub.slowConsumer(holder[0]));
        holder[0] = connection;
        hub.register(connection, () -> session.close(CloseStatus.POLICY_VIOLATION).subscribe());
        List<String> initial = initialStreams(session.getHandshakeInfo().getUri());
        if (initial.size() > rules.maxStreams()) {
            hub.close(connection, "too_many_streams");
        }
        initial.stream().limit(rules.maxStreams()).forEach(s -> hub.subscribe(connection, StreamNames.normalise(s)));

        InboundLimiter limiter = new InboundLimiter(rules.maxIncomingPerSecond());
        AtomicLong lastPongNanos = new AtomicLong(System.nanoTime());
        Flux<WebSocketMessage> frames = connection.outbound().asFlux()
                .concatMap(frame -> {
                    long wait = frame.dueNanos() == 0 ? 0 : frame.dueNanos() - System.nanoTime();
                    Mono<StreamConnection.OutFrame> now = Mono.just(frame);
                    return wait > 0 ? now.delayElement(Duration.ofNanos(wait)) : now;
                })
                .map(frame -> session.textMessage(frame.text()));
        Flux<WebSocketMessage> pings = Flux.interval(rules.pingInterval(), rules.pingInterval())
                .filter(tick -> {
                    if (System.nanoTime() - lastPongNanos.get() > rules.pongTimeout().toNanos()) {
                        hub.close(connection, "pong_timeout");
                        return false;
                    }
                    return true;
                })
                .map(tick -> session.pingMessage(f -> f.wrap(Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII))))
                .takeUntilOther(connection.whenCompleted());
        Mono<Void> outbound = session.send(Flux.merge(frames, pings)).then(Mono.defer(session::close));
        Mono<Void> inbound = session.receive()
                .doOnNext(message -> {
                    if (!limiter.admit(System.nanoTime())) {
                        hub.close(connection, "rate_limit");
                        return;
                    }
                    switch (message.getType()) {
                        case PONG -> lastPongNanos.set(System.nanoTime());
                        case TEXT -> control.handle(connection, message.getPayloadAsText(), rules);
                        default -> { }
                    }
                })
                .then();
        Mono<Void> maxAge = Mono.delay(rules.maxAge())
                .doOnNext(x -> hub.sendShutdownAndComplete(connection, "max_age"))
                .then(Mono.<Void>never())
                .takeUntilOther(connection.whenCompleted());
        return Mono.when(outbound, inbound.doFinally(s -> hub.unregister(connection)), maxAge)
                .doFinally(s -> hub.unregister(connection));
    }

    private List<String> initialStreams(URI uri) {
        List<String> streams = new ArrayList<>();
        String path = uri.getRawPath();
        int at = path.indexOf(rawPrefix);
        if (at >= 0) {
            for (String part : path.substring(at + rawPrefix.length()).split("/")) {
                String decoded = java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
                if (!decoded.isBlank()) {
                    streams.add(decoded);
                }
            }
        }
        List<String> query = UriComponentsBuilder.fromUri(uri).build().getQueryParams().get("streams");
        if (query != null) {
            for (String value : query) {
                for (String part : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8).split("/")) {
                    if (!part.isBlank()) {
                        streams.add(part);
                    }
                }
            }
        }
        return streams;
    }

    /** Counts incoming messages per one-second window. */
    private static final class InboundLimiter {
        private final int max;
        private long windowStart;
        private int count;

        private InboundLimiter(int max) {
            this.max = max;
        }

        private synchronized boolean admit(long nowNanos) {
            if (nowNanos - windowStart >= 1_000_000_000L) {
                windowStart = nowNanos;
                count = 0;
            }
            return ++count <= max;
        }
    }
}
