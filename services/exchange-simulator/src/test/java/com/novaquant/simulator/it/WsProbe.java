package com.novaquant.simulator.it;

import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A real Reactor Netty WebSocket client that records text frames, pings and the close. */
final class WsProbe implements AutoCloseable {

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable connection;

    WsProbe(int port, String path) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().handlePing(true).maxFramePayloadLength(1 << 20).build())
                .uri("ws://localhost:" + port + path)
                .handle((in, out) -> {
                    Mono<Void> send = out.sendString(outbound.asFlux()).then();
                    Mono<Void> receive = in.receiveFrames().doOnNext(frame -> {
                        if (frame instanceof TextWebSocketFrame text) {
                            frames.add(text.text());
                        } else if (frame instanceof PingWebSocketFrame) {
                            pings.incrementAndGet();
                        }
                    }).then();
                    return Mono.when(send, receive);
                })
                .doFinally(s -> closed.set(true))
                .subscribe(v -> { }, e -> closed.set(true));
    }

    void send(String text) {
        outbound.tryEmitNext(text);
    }

    /** The next text frame, or fails after the timeout. */
    String next(Duration timeout) {
        try {
            String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame that parses and satisfies {@code wanted}, skipping others. */
    JsonNode nextMatching(Duration timeout, java.util.function.Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String frame;
            try {
                frame = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (frame == null) {
                break;
            }
            try {
                JsonNode node = SignedHttp.JSON.readTree(frame);
                if (wanted.test(node)) {
                    return node;
                }
            } catch (RuntimeException malformed) {
                // not what this probe waits for
            }
        }
        throw new AssertionError("no matching frame within " + timeout);
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
