package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.ingestion.application.FeedStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Optional tee of the raw frames to a file in the exchange simulator's replay format, one JSON line per frame:
 * {@code {"t":<receivedAtMicros>,"venue":"SPOT|USDM","stream":"btcusdt@bookTicker","frame":<payload>}}, where the
 * payload is the stream's raw {@code data} object exactly as received (the envelope is implied by {@code stream}).
 * Only frames that parsed are recorded, so every line is valid JSON. The event loop only copies the bytes into a
 * bounded queue; a writer thread does the I/O. A full queue drops the frame and counts it rather than slowing the feed.
 */
public final class RawFrameRecorder implements FrameRecording, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RawFrameRecorder.class);
    private static final byte[] T = "{\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VENUE = ",\"venue\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM = "\",\"stream\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRAME = "\",\"frame\":".getBytes(StandardCharsets.US_ASCII);

    private final BlockingQueue<byte[]> queue;
    private final Counter recorded;
    private final Counter dropped;
    private final Thread writer;
    private final OutputStream out;
    private volatile boolean running = true;

    private RawFrameRecorder(Path file, int queueCapacity, MeterRegistry registry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.recorded = registry.counter("nova.ingestion.recording.frames");
        this.dropped = registry.counter("nova.ingestion.recording.dropped");
        this.writer = new Thread(this::drain, "frame-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
        log.info("recording raw frames to {}", file.toAbsolutePath());
    }

    /** A recorder writing to {@code file}. */
    public static RawFrameRecorder toFile(Path file, int queueCapacity, MeterRegistry registry) throws IOException {
        return new RawFrameRecorder(file, queueCapacity, registry);
    }

    @Override
    public void record(FeedStream stream, ReceivedFrame frame) {
        if (frame.dataLength() == 0) {
            return;
        }
        byte[] line = line(stream, frame);
        if (!queue.offer(line)) {
            dropped.increment();
        }
    }

    static byte[] line(FeedStream stream, ReceivedFrame frame) {
        byte[] time = Long.toString(frame.receivedAtMicros()).getBytes(StandardCharsets.US_ASCII);
        byte[] venue = stream.venue().name().getBytes(StandardCharsets.US_ASCII);
        byte[] name = stream.name().getBytes(StandardCharsets.US_ASCII);
        int length = T.length + time.length + VENUE.length + venue.length + STREAM.length + name.length
                + FRAME.length + frame.dataLength() + 2;
        byte[] line = new byte[length];
        int p = 0;
        p = put(line, p, T);
        p = put(line, p, time);
        p = put(line, p, VENUE);
        p = put(line, p, venue);
        p = put(line, p, STREAM);
        p = put(line, p, name);
        p = put(line, p, FRAME);
        System.arraycopy(frame.buffer(), frame.dataOffset(), line, p, frame.dataLength());
        p += frame.dataLength();
        line[p++] = '}';
        line[p] = '\n';
        return line;
    }

    private static int put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
        return at + bytes.length;
    }

    private void drain() {
        List<byte[]> batch = new ArrayList<>(1024);
        while (running || !queue.isEmpty()) {
            try {
                byte[] first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1023);
                for (byte[] line : batch) {
                    out.write(line);
                }
                out.flush();
                recorded.increment(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                dropped.increment(batch.size());
                batch.clear();
                log.error("frame recording write failed", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }
}
