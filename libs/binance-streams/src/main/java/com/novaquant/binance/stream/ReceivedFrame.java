package com.novaquant.binance.stream;

/**
 * The raw text frame being handled, with its receive instant. Reused for every frame of a connection: valid only
 * during the callback.
 */
public final class ReceivedFrame {

    byte[] buffer;
    int offset;
    int length;
    int dataOffset;
    int dataLength;
    long receivedAtMicros;
    long receivedNanos;

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The unwrapped payload (the envelope's {@code data}) within {@link #buffer()}; length 0 when there is none. */
    public int dataOffset() {
        return dataOffset;
    }

    public int dataLength() {
        return dataLength;
    }

    /** Wall-clock receive instant, epoch microseconds (taken before parsing). */
    public long receivedAtMicros() {
        return receivedAtMicros;
    }

    /** {@link System#nanoTime()} at receipt, for in-process latency. */
    public long receivedNanos() {
        return receivedNanos;
    }
}
