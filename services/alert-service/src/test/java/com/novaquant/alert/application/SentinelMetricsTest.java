package com.novaquant.alert.application;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.DeskPolicy;
import com.novaquant.alert.domain.DigestSchedule;
import com.novaquant.alert.domain.EscalationSchedule;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentinelMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SentinelMetrics metrics = new SentinelMetrics(registry, new AlertDesk(new DeskPolicy(
            Duration.ofSeconds(60), new EscalationSchedule(List.of(Duration.ofMinutes(1))),
            new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), 3), Instant.parse("2026-11-25T10:00:00Z")));

    @Test
    void everyTelegramErrorKindIsExposedAtZeroFromStart() {
        assertThat(tagValues("nova.alert.telegram.errors", "kind")).containsExactlyInAnyOrder(
                "rate_limited", "server_error", "timeout", "network", "unauthorized", "unexpected",
                "bad_request", "forbidden", "rejected");
        assertThat(registry.find("nova.alert.telegram.errors").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void everySeverityHasItsSeriesFromStart() {
        for (String name : List.of("nova.alert.received", "nova.alert.sent", "nova.alert.pending",
                "nova.alert.delivery.latency")) {
            assertThat(tagValues(name, "severity")).as(name)
                    .containsExactlyInAnyOrder("INFO", "WARNING", "CRITICAL");
        }
    }

    @Test
    void everyMessageKindCommandOutcomeAndOutboxOperationIsExposedAtZeroFromStart() {
        assertThat(tagValues("nova.alert.messages", "kind")).containsExactlyInAnyOrder(
                "alert", "reminder", "digest", "reply", "reply_failed");
        assertThat(registry.find("nova.alert.commands").counters()).hasSize(CommandRouter.COUNTED_COMMANDS.size() * 3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.find("nova.alert.commands").tags("command", "other", "outcome", "failed").counter())
                .isNotNull();
        assertThat(tagValues("nova.alert.outbox.errors", "operation")).containsExactlyInAnyOrder(
                "append", "mark_sent", "mark_acknowledged");
    }

    @Test
    void countingAnErrorIncrementsThePreRegisteredSeries() {
        metrics.channelError(DeliveryResult.FailureKind.RATE_LIMITED);
        metrics.channelError(SentinelMetrics.Refusal.FORBIDDEN);
        assertThat(registry.get("nova.alert.telegram.errors").tag("kind", "rate_limited").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("nova.alert.telegram.errors").tag("kind", "forbidden").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.find("nova.alert.telegram.errors").counters()).hasSize(9);
    }

    private List<String> tagValues(String name, String tag) {
        return registry.find(name).meters().stream().map(Meter::getId).map(id -> id.getTag(tag)).toList();
    }
}
