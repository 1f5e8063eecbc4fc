package com.novaquant.binance.stream;

/**
 * Where a combined-stream connection goes, and the control-message budget Binance allows on it
 * (docs/binance-protocol.md, "Spot stream connection rules" and "USD-M routes and connection rules"). USD-M streams
 * are routed since 2026-04-23: book tickers on {@code /public}, mark price on {@code /market}.
 */
public enum StreamRoute {
    SPOT("SPOT", "/stream", 5, false),
    USDM_PUBLIC("USDM", "/public/stream", 10, true),
    USDM_MARKET("USDM", "/market/stream", 10, true);

    /** Binance allows at most 1024 streams on one connection (spot and USD-M). */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    private final String venue;
    private final String path;
    private final int controlMessagesPerSecond;
    private final boolean usdm;

    StreamRoute(String venue, String path, int controlMessagesPerSecond, boolean usdm) {
        this.venue = venue;
        this.path = path;
        this.controlMessagesPerSecond = controlMessagesPerSecond;
        this.usdm = usdm;
    }

    /** {@code SPOT} or {@code USDM}, as the replay format and the events module name the venues. */
    public String venue() {
        return venue;
    }

    public String path() {
        return path;
    }

    /** Incoming messages (pings, pongs, JSON control messages) Binance accepts per second on one connection. */
    public int controlMessagesPerSecond() {
        return controlMessagesPerSecond;
    }

    public boolean usdm() {
        return usdm;
    }
}
