package com.novaquant.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static check against exposition text rendered by the same Micrometer Prometheus registry the services use, so
 * the naming conventions ({@code _total}, {@code _seconds_bucket}, the {@code application} tag) are the real ones.
 */
class MetricNameCheckTest {

    /** What execution-service renders for an order counter and a round-trip timer with a percentile histogram. */
    private static String executionExposition() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "execution-service");
        Counter.builder("nova.execution.orders").tag("venue", "SPOT").tag("outcome", "filled").register(registry).increment();
        Timer.builder("nova.execution.order.round.trip").tag("venue", "SPOT").publishPercentileHistogram()
                .register(registry).record(Duration.ofMillis(3));
        return registry.scrape();
    }

    @Test
    void theExpositionNamesCountersAndHistogramsTheWayQueriesMustName() {
        assertThat(Exposition.sampleNames(executionExposition())).contains(
                "nova_execution_orders_total",
                "nova_execution_order_round_trip_seconds_bucket",
                "nova_execution_order_round_trip_seconds_count",
                "nova_execution_order_round_trip_seconds_sum",
                "nova_execution_order_round_trip_seconds_max");
    }

    @Test
    void aDashboardNamingAMetricNoServiceExposesIsReported() {
        List<Query> queries = DashboardQueries.read(Path.of("src/test/resources/fixtures/renamed-metric-dashboard.json"));
        MetricNameCheck check = new MetricNameCheck(Exposition.sampleNames(executionExposition()), Set.of());

        List<Problem> problems = check.check(queries);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_METRIC);
            assertThat(p.origin()).isEqualTo("renamed-metric-dashboard.json › Order round trip p99 › B");
            assertThat(p.detail()).contains("nova_execution_order_latency_seconds_count");
        });
    }

    @Test
    void prometheusOwnSeriesAndRecordedSeriesAreKnownWithoutAnyService() {
        MetricNameCheck check = new MetricNameCheck(Set.of(), Set.of("nova:orders:rate1m"));
        List<Query> queries = List.of(
                new Query("r › a", "up{job=\"nova-quant\"} == 0", Query.Kind.ALERT),
                new Query("r › b", "nova:orders:rate1m > 0", Query.Kind.ALERT),
                new Query("r › c", "absent(nova_heartbeat_total)", Query.Kind.ALERT));
        assertThat(check.check(queries)).extracting(Problem::origin).containsExactly("r › c");
    }
}
