package com.novaquant.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Health contributor {@code kafka}: UP while the broker answers a cluster description within a short timeout. The
 * Helm chart puts it in the readiness group, so a service cut off from Kafka stops taking traffic. The answer is
 * cached briefly so that frequent probes do not each open a round trip.
 */
public final class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final Admin admin;
    private volatile Health last;
    private volatile long lastAt;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    public Health health() {
        long now = System.nanoTime();
        Health cached = last;
        if (cached != null && now - lastAt < CACHE_NANOS) {
            return cached;
        }
        Health health;
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            health = nodes > 0 ? Health.up().withDetail("brokers", nodes).build() : Health.down().withDetail("brokers", 0).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        last = health;
        lastAt = now;
        return health;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
