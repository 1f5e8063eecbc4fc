package com.novaquant.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Ingestion behaviour ({@code nova.ingestion.*}).
 *
 * @param lagWarning       feed lag (receive instant minus exchange event time, clock-corrected) that, sustained for
 *                         {@code lagWindow}, raises FEED_LAG and reconnects the connection
 * @param lagWindow        how long every frame of a connection must lag before acting: one slow frame is noise; also
 *                         how long a connection may be down before its symbols are gated
 * @param staleAfter       a stream silent this long raises FEED_STALE, reconnects, gates its symbol, and makes
 *                         readiness DOWN
 * @param watchdogInterval how often the watchdog looks
 * @param alertDedupWindow the same alert (code and connection) is raised at most once per window
 * @param connections      connections per venue (symbols are split across them)
 * @param reconnect        backoff, connection age and reconnect-storm settings
 * @param gate             when a symbol's feed gate lifts by itself, and when a long one is escalated
 * @param lagReconnect     the wait between lag reconnects once one did not cure the lag
 * @param clockSync        how often and how patiently to measure the exchanges' clock offset
 * @param fundingInfo      how often each symbol's funding interval is read from the exchange
 * @param recording        the optional raw-frame tee
 * @param kafkaReadyTimeout how long start-up waits for topic metadata before opening the feeds anyway
 * @param producer         Kafka producer settings for the market-data producer, over {@code spring.kafka.producer.*}
 */
@ConfigurationProperties("nova.ingestion")
public record IngestionProperties(
        @DefaultValue("200ms") Duration lagWarning,
        @DefaultValue("2s") Duration lagWindow,
        @DefaultValue("10s") Duration staleAfter,
        @DefaultValue("250ms") Duration watchdogInterval,
        @DefaultValue("5m") Duration alertDedupWindow,
        @DefaultValue Connections connections,
        @DefaultValue Reconnect reconnect,
        @DefaultValue Gate gate,
        @DefaultValue LagReconnect lagReconnect,
        @DefaultValue ClockSyncSettings clockSync,
        @DefaultValue FundingInfoSettings fundingInfo,
        @DefaultValue Recording recording,
        @DefaultValue("10s") Duration kafkaReadyTimeout,
        Map<String, String> producer) {

    public IngestionProperties {
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    /**
     * @param spot    connections for spot book tickers
     * @param futures connections per USD-M route (book tickers on /public, mark price on /market)
     */
    public record Connections(@DefaultValue("1") int spot, @DefaultValue("1") int futures) {
    }

    /**
     * @param initialBackoff   first reconnect delay (doubles per attempt, jittered)
     * @param maxBackoff       reconnect delay ceiling
     * @param stableAfter      a session that lasted this long resets the backoff
     * @param maxConnectionAge proactive reconnect before Binance's 24-hour cut
     * @param connectTimeout   TCP connect timeout
     * @param stormThreshold   this many reconnects of one connection it did not choose (drops, failed attempts)
     *                         within {@code stormWindow} is a storm (WARNING, its symbols gated)
     * @param stormWindow      the storm window
     */
    public record Reconnect(
            @DefaultValue("250ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("60s") Duration stableAfter,
            @DefaultValue("1430m") Duration maxConnectionAge,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("5") int stormThreshold,
            @DefaultValue("60s") Duration stormWindow) {
    }

    /**
     * @param healAfter     a gated symbol's gate lifts once all of its feeds have been healthy this long
     * @param escalateAfter a symbol gated this long raises one CRITICAL (FEED_GATED_LONG)
     */
    public record Gate(@DefaultValue("10s") Duration healAfter, @DefaultValue("15m") Duration escalateAfter) {
    }

    /**
     * @param initialBackoff wait before another lag reconnect once a lag reconnect did not cure the lag
     * @param maxBackoff     ceiling of that wait (it doubles each time); it starts again once the connection has
     *                       been lag-free for {@code gate.heal-after}
     */
    public record LagReconnect(@DefaultValue("30s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff) {
    }

    /**
     * @param interval     between syncs
     * @param timeout      per server-time request
     * @param samples      requests per sync; the one with the shortest round trip is used
     * @param maxRoundTrip a sync whose best round trip is longer is not trusted (half of it bounds the error)
     */
    public record ClockSyncSettings(@DefaultValue("60s") Duration interval, @DefaultValue("3s") Duration timeout,
                                    @DefaultValue("5") int samples, @DefaultValue("100ms") Duration maxRoundTrip) {
    }

    /**
     * @param refresh      between reads of the funding intervals ({@code GET /fapi/v1/fundingInfo}); Binance announces
     *                     a change of interval ahead of it
     * @param retry        after a failed read (the last known intervals stay in force meanwhile)
     * @param timeout      per read; the first read, at start-up, holds the feeds back at most this long
     */
    public record FundingInfoSettings(@DefaultValue("1h") Duration refresh, @DefaultValue("1m") Duration retry,
                                      @DefaultValue("5s") Duration timeout) {
    }

    /**
     * @param enabled       tee raw frames to {@code path}
     * @param path          JSON-lines file in the simulator's replay format (appended to)
     * @param queueCapacity frames buffered for the writer before drops are counted
     */
    public record Recording(@DefaultValue("false") boolean enabled,
                            @DefaultValue("recordings/frames.jsonl") Path path,
                            @DefaultValue("65536") int queueCapacity) {
    }
}
