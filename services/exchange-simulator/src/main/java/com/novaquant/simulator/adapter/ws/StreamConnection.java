package com.novaquant.simulator.adapter.ws;

import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client WebSocket connection: its channel, whether payloads are wrapped (combined), its
 * subscriptions and a bounded outbound queue. A client that falls further behind than the queue
 * holds is disconnected rather than allowed to grow the server's memory.
 */
final class StreamConnection {

    private final long id;
    private final StreamChannel channel;
    private final Sinks.Many<OutFrame> outbound;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final Runnable onOverflow;
    private final Sinks.Empty<Void> completed = Sinks.empty();
    private volatile boolean combined;
    private volatile boolean closed;

    StreamConnection(long id, StreamChannel channel, boolean combined, int bufferSize, Runnable onOverflow) {
        this.id = id;
        this.channel = channel;
        this.combined = combined;
        this.onOverflow = onOverflow;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<OutFrame>get(bufferSize).get());
    }

    long id() {
        return id;
    }

    StreamChannel channel() {
        return channel;
    }

    boolean combined() {
        return combined;
    }

    void combined(boolean value) {
        combined = value;
    }

    Set<String> streams() {
        return streams;
    }

    Sinks.Many<OutFrame> outbound() {
        return outbound;
    }

    /**
     * Queues a frame for delivery at {@code dueNanos} (System.nanoTime; 0 = now). Serialised because
     * the market thread, the schedulers and control replies all write here.
     */
    synchronized boolean send(String text, long dueNanos) {
        if (closed) {
            return false;
        }
        Sinks.EmitResult result = outbound.tryEmitNext(new OutFrame(text, dueNanos));
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            onOverflow.run();
            return false;
        }
        return result.isSuccess();
    }

    /** Ends the outbound stream after what is queued; the session then closes. */
    synchronized void complete() {
        if (!closed) {
            closed = true;
            outbound.tryEmitComplete();
            completed.tryEmitEmpty();
        }
    }

    /** Completes when the connection's outbound stream has been ended. */
    reactor.core.publisher.Mono<Void> whenCompleted() {
        return completed.asMono();
    }

    boolean isClosed() {
        return closed;
    }

    /** A frame with the instant it may be delivered (feed-lag fault). */
    record OutFrame(String text, long dueNanos) {
    }
}
