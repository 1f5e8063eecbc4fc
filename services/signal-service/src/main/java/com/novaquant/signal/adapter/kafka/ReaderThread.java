package com.novaquant.signal.adapter.kafka;

import org.apache.kafka.clients.consumer.Consumer;

import java.time.Duration;

/**
 * The life of a compacted-topic reader that runs on a platform thread of its own: started once, told to stop, its
 * blocked poll woken and the thread joined. The reader's loop runs while {@link #running()} and names the consumer
 * it polls ({@link #reading}), so that a stop can wake it.
 */
final class ReaderThread {

    private static final Duration JOIN = Duration.ofSeconds(5);
    static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final String name;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    ReaderThread(String name) {
        this.name = name;
    }

    /** Starts {@code loop} on a daemon thread; nothing when already started. */
    synchronized void start(Runnable loop) {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(loop);
    }

    /** Ends the loop: wakes its poll and waits a few seconds for the thread. */
    synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(JOIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean running() {
        return running;
    }

    /** The consumer the loop polls now; null once it is closed. */
    void reading(Consumer<String, byte[]> current) {
        consumer = current;
    }

    /** Waits before the loop tries again after a failure; an interrupt ends the loop. */
    void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
