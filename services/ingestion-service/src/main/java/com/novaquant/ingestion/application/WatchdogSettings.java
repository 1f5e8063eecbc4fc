package com.novaquant.ingestion.application;

import java.time.Duration;

/**
 * The feed watchdog's rules.
 *
 * @param alertDedupWindow          the same throttled alert (code and connection) at most once per window
 * @param stormThreshold            this many reconnects the connection did not choose, within {@code stormWindow},
 *                                  is a reconnect storm
 * @param stormWindow               the storm window
 * @param healAfter                 a gate lifts once all of its symbol's feeds have been healthy this long; a
 *                                  connection healthy this long starts its reconnect back-off again, and ends a
 *                                  degraded spell
 * @param escalateAfter             a symbol gated this long raises one CRITICAL
 * @param lagReconnectInitialBackoff wait before another lag reconnect once one did not cure the lag
 * @param lagReconnectMaxBackoff    ceiling of that wait, which doubles each time
 */
public record WatchdogSettings(Duration alertDedupWindow, int stormThreshold, Duration stormWindow, Duration healAfter,
                               Duration escalateAfter, Duration lagReconnectInitialBackoff, Duration lagReconnectMaxBackoff) {

    public static final Duration DEFAULT_HEAL_AFTER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(15);
    public static final Duration DEFAULT_LAG_RECONNECT_INITIAL_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LAG_RECONNECT_MAX_BACKOFF = Duration.ofMinutes(5);

    /** These alert and storm settings, the other rules at their defaults. */
    public static WatchdogSettings defaults(Duration alertDedupWindow, int stormThreshold, Duration stormWindow) {
        return new WatchdogSettings(alertDedupWindow, stormThreshold, stormWindow, DEFAULT_HEAL_AFTER,
                DEFAULT_ESCALATE_AFTER, DEFAULT_LAG_RECONNECT_INITIAL_BACKOFF, DEFAULT_LAG_RECONNECT_MAX_BACKOFF);
    }
}
