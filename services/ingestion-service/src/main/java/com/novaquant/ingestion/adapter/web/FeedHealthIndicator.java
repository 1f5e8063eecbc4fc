package com.novaquant.ingestion.adapter.web;

import com.novaquant.ingestion.application.FeedMonitor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Feed health for the readiness probe: DOWN while any connection is down or any stream has been silent longer than
 * the staleness threshold, so the service reports not-ready (HTTP 503 on {@code /actuator/health/readiness}) while
 * its data cannot be trusted. Liveness is not affected: a restart would not fix an exchange outage.
 */
public final class FeedHealthIndicator implements HealthIndicator {

    private final FeedMonitor monitor;

    public FeedHealthIndicator(FeedMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        FeedMonitor.FeedHealth health = monitor.health();
        Health.Builder builder = health.healthy() ? Health.up() : Health.down();
        return builder.withDetail("downConnections", health.downConnections())
                .withDetail("staleStreams", health.staleStreams())
                .build();
    }
}
