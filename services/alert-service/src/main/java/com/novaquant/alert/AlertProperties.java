package com.novaquant.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The sentinel's behaviour ({@code nova.alert.*}).
 *
 * @param executionUrl        execution-service admin API root, called by the commands
 * @param executionTimeout    how long a command waits for execution-service
 * @param flattenTimeout      how long /flatten waits: execution answers once every pair is closed, both legs, which
 *                            takes a few venue round trips per pair
 * @param dailyDigestTime     when the quiet INFO digest goes out each day
 * @param digestZone          time zone of {@code dailyDigestTime}
 * @param dedupWindow         identical alerts (same dedup key) within this window collapse into one message
 * @param escalation          repeat intervals for unacknowledged CRITICALs; the last one repeats
 * @param maxAlertsPerMessage distinct alerts one message may carry (flood batching)
 * @param outboxPath          the append-only outbox file (on a persistent volume in a container)
 * @param outboxCompactAfter  rewrite the outbox after this many closed alerts
 * @param consumerGroup       Kafka consumer group for nova.alerts (keep it stable: restarts resume from it)
 * @param retryMinBackoff     first wait after a failed delivery
 * @param retryMaxBackoff     longest wait between delivery retries
 * @param idleTick            how often the delivery loop looks for due reminders and digests when idle
 * @param confirmTimeout      how long a /resume or /flatten confirmation code stays valid
 * @param commandMaxAge       commands older than this (queued while we were down) are refused
 * @param universeSize        how many members the traded universe is meant to have (the signal service's setting),
 *                            shown as "3 of 5" in /status; 0 when not given: "3 members"
 */
@ConfigurationProperties("nova.alert")
public record AlertProperties(
        @DefaultValue("http://localhost:8083") String executionUrl,
        @DefaultValue("10s") Duration executionTimeout,
        @DefaultValue("2m") Duration flattenTimeout,
        @DefaultValue("08:00") LocalTime dailyDigestTime,
        @DefaultValue("UTC") ZoneId digestZone,
        @DefaultValue("60s") Duration dedupWindow,
        @DefaultValue({"1m", "2m", "5m", "10m", "30m"}) List<Duration> escalation,
        @DefaultValue("10") int maxAlertsPerMessage,
        @DefaultValue("data/alert-outbox.jsonl") Path outboxPath,
        @DefaultValue("1000") int outboxCompactAfter,
        @DefaultValue("alert-service") String consumerGroup,
        @DefaultValue("1s") Duration retryMinBackoff,
        @DefaultValue("60s") Duration retryMaxBackoff,
        @DefaultValue("250ms") Duration idleTick,
        @DefaultValue("60s") Duration confirmTimeout,
        @DefaultValue("5m") Duration commandMaxAge,
        @DefaultValue("0") int universeSize) {
}
