package com.novaquant.alert.application;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.Delivery;
import com.novaquant.alert.domain.PendingAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that drains the desk into the channel. While the channel fails it backs off (exponentially, or as
 * long as a 429 asks) and retries the same delivery; nothing is skipped, so order per severity holds through an
 * outage.
 */
public final class DeliveryLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final AlertDesk desk;
    private final DeliveryChannel channel;
    private final AlertOutbox outbox;
    private final SentinelMetrics metrics;
    private final Clock clock;
    private final Duration idleWait;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public DeliveryLoop(AlertDesk desk, DeliveryChannel channel, AlertOutbox outbox, SentinelMetrics metrics,
                        Clock clock, Duration idleWait, Duration minBackoff, Duration maxBackoff) {
        this.desk = desk;
        this.channel = channel;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.idleWait = idleWait;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("alert-delivery").daemon(true).start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wake();
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean running() {
        return running;
    }

    /** Something new may be deliverable: do not wait for the idle tick. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Duration backoff = minBackoff;
        while (running) {
            try {
                if (!channel.ready()) {
                    pause(idleWait);
                    continue;
                }
                Instant now = clock.instant();
                Optional<Delivery> next = desk.next(now);
                if (next.isEmpty()) {
                    pause(idleWait);
                    continue;
                }
                Delivery delivery = next.get();
                DeliveryResult result = channel.send(delivery);
                switch (result) {
                    case DeliveryResult.Delivered ignored -> {
                        confirm(delivery);
                        backoff = minBackoff;
                    }
                    case DeliveryResult.RetryLater retry -> {
                        metrics.channelError(retry.kind());
                        Duration wait = retry.notBefore().compareTo(backoff) > 0 ? retry.notBefore() : backoff;
                        log.warn("Delivery {} of {} alert(s) not confirmed ({}); retrying in {} ms",
                                delivery.id(), delivery.alertCount(), retry.kind().tag(), wait.toMillis());
                        sleep(wait);
                        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A bug must not end delivery for good: log it, wait, go on with the same state.
                log.error("Delivery loop failed; continuing", e);
                sleepQuietly(maxBackoff);
            }
        }
    }

    private void confirm(Delivery delivery) {
        Instant now = clock.instant();
        List<PendingAlert> firstDeliveries = desk.delivered(delivery, now);
        metrics.delivered(delivery, firstDeliveries, now);
        if (!firstDeliveries.isEmpty()) {
            try {
                outbox.markSent(firstDeliveries);
            } catch (RuntimeException e) {
                // Delivered but not recorded: after a restart these few are sent once more (bounded duplicates).
                metrics.outboxError("mark_sent");
                log.error("Could not record delivery {} in the outbox: {}", delivery.id(), e.toString());
            }
        }
    }

    private void pause(Duration max) throws InterruptedException {
        lock.lock();
        try {
            if (!woken) {
                work.await(max.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    private void sleep(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    private void sleepQuietly(Duration duration) {
        try {
            sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
