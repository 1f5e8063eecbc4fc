package com.novaquant.events;

/** Kafka topic names. Keys are the symbol unless a topic says otherwise. */
public final class Topics {
    /** Best bid/ask of one venue for one symbol. High rate, short retention. */
    public static final String QUOTES = "nova.md.quotes";
    /** Mark price, index price, funding rate and next funding time. */
    public static final String FUNDING = "nova.md.funding";
    /** Target hedged positions decided by the signal service. */
    public static final String SIGNALS = "nova.signals";
    /** Orders, fills, pairs, leg-risk episodes, funding payments: the audit trail. */
    public static final String EXEC_EVENTS = "nova.exec.events";
    /** Alerts for the sentinel. Key = dedup key. */
    public static final String ALERTS = "nova.alerts";
    /** The desk's risk state (key {@link #KILL_SWITCH_KEY}), written by execution only. Compacted. */
    public static final String CONTROL = "nova.control";
    public static final String KILL_SWITCH_KEY = "kill-switch";
    /**
     * Each symbol's feed gate ({@link FeedGate}, key {@link FeedGate#KEY_PREFIX}{@code <SYMBOL>}), written by
     * ingestion only: a topic of its own, because the broker's ACLs give a writer a whole topic, not some keys of it.
     * Compacted.
     */
    public static final String FEED_GATES = "nova.feed-gates";
    /**
     * The signal service's settings in force ({@link SignalSettings}, key {@value SignalSettings#KEY}), written and
     * read by signal-service only, so that every replica runs the same settings and a restart keeps them. Compacted.
     */
    public static final String SIGNAL_SETTINGS = "nova.signal-settings";

    /**
     * Every symbol with a spot market and a perpetual, with funding, books and 24 h volumes ({@link MarketScan}, key
     * {@value MarketScan#KEY}), written by ingestion each scan interval. One partition, short retention.
     */
    public static final String MARKET_SCAN = "nova.md.scan";
    /**
     * The traded universe ({@link UniverseSelection}, key {@value UniverseSelection#KEY}), written by the signal
     * service when it changes; followed by ingestion, execution and the sentinel. Compacted.
     */
    public static final String UNIVERSE = "nova.universe";

    public static final java.util.List<String> ALL = java.util.List.of(QUOTES, FUNDING, SIGNALS, EXEC_EVENTS, ALERTS,
            CONTROL, FEED_GATES, SIGNAL_SETTINGS, MARKET_SCAN, UNIVERSE);

    private Topics() {
    }
}
