package com.novaquant.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails once no byte has arrived for the stall time. The HTTP client's request timeout ends
 * when the response starts; a server that then stops sending would hold a download (and its slot) for ever. The
 * guard closes the body, which ends the blocked read with an {@link IOException}.
 */
final class StallGuard extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulk-download-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final long stallNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean stalled;

    StallGuard(InputStream body, Duration stall) {
        super(body);
        this.stallNanos = stall.toNanos();
        long period = Math.max(1, stall.toMillis() / 4);
        this.check = WATCHDOG.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
    }

    private void closeIfStalled() {
        if (System.nanoTime() - lastProgressNanos > stallNanos) {
            stalled = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // The read that is blocked reports the failure.
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastProgressNanos = System.nanoTime();
            return checked(b);
        } catch (IOException e) {
            throw stalled ? stall() : e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            lastProgressNanos = System.nanoTime();
            return checked(n);
        } catch (IOException e) {
            throw stalled ? stall() : e;
        }
    }

    private int checked(int result) throws IOException {
        if (stalled) {
            throw stall();
        }
        return result;
    }

    private IOException stall() {
        return new IOException("no data for " + Duration.ofNanos(stallNanos).toMillis() + " ms: download stalled");
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
