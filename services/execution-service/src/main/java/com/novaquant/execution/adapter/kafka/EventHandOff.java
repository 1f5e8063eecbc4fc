package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.NovaEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Takes execution's events and alerts off the trading path: a Kafka producer's {@code send} blocks its caller for up
 * to {@code max.block.ms} while the broker is away (no metadata), and an order, an unwind or a kill-switch change
 * must never wait on that. Events wait in a bounded queue, in order, and one thread sends them; when the queue is
 * full an event is dropped and counted ({@code nova_execution_events_dropped_total}), never blocking the caller.
 */
public final class EventHandOff implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventHandOff.class);
    static final int CAPACITY = 10_000;
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private record Pending(String topic, NovaEvent event) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final BiFunction<String, NovaEvent, CompletableFuture<?>> send;
    private final Counter dropped;
    private final Thread sender;
    private volatile boolean closed;

    /** @param send hands one event to Kafka (may block while the broker is away; failures are the sender's to count) */
    public EventHandOff(BiFunction<String, NovaEvent, CompletableFuture<?>> send, MeterRegistry registry) {
        this.send = send;
        this.dropped = Counter.builder("nova.execution.events.dropped").register(registry);
        Gauge.builder("nova.execution.events.queued", queue, BlockingQueue::size).register(registry);
        this.sender = Thread.ofPlatform().name("execution-event-sender").daemon().start(this::sendLoop);
    }

    /** Queues the event and returns at once. */
    public void publish(String topic, NovaEvent event) {
        if (!queue.offer(new Pending(topic, event))) {
            dropped.increment();
            log.warn("Event queue full ({}): {} to {} dropped", CAPACITY, event.getClass().getSimpleName(), topic);
        }
    }

    /** Events handed over and not yet given to the producer. */
    public int queued() {
        return queue.size();
    }

    private void sendLoop() {
        while (!closed || !queue.isEmpty()) {
            Pending next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                send.apply(next.topic(), next.event());
            } catch (RuntimeException e) {
                log.warn("Event to {} not sent: {}", next.topic(), e.toString());
            }
        }
    }

    /** Sends what is queued for up to {@link #DRAIN} (a stop's last events matter), then gives up on the rest. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        sender.join(DRAIN.toMillis());
        sender.interrupt();
        if (!queue.isEmpty()) {
            log.warn("{} events not sent before the stop", queue.size());
        }
    }
}
