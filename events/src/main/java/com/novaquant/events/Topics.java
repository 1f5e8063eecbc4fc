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
    /** The desk's risk state (key {@link #KILL_SWITCH_KEY}) and each symbol's feed gate ({@link FeedGate#KEY_PREFIX}). Compacted. */
    public static final String CONTROL = "nova.control";
    public static final String KILL_SWITCH_KEY = "kill-switch";

    public static final java.util.List<String> ALL = java.util.List.of(QUOTES, FUNDING, SIGNALS, EXEC_EVENTS, ALERTS, CONTROL);

    private Topics() {
    }
}
