package com.novaquant.observability;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query check against a real Prometheus that scrapes a real Micrometer exposition served on loopback: what passes,
 * and each way a query can fail (renamed metric, syntax error, an alert whose metric does not exist).
 */
class PrometheusQueryCheckIT {

    private static HttpServer service;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startServiceAndPrometheus(@TempDir Path workDir) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "execution-service");
        Counter orders = Counter.builder("nova.execution.orders").tag("venue", "SPOT").tag("outcome", "filled").register(registry);
        Timer roundTrip = Timer.builder("nova.execution.order.round.trip").tag("venue", "SPOT").publishPercentileHistogram()
                .register(registry);
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/actuator/prometheus", exchange -> {
            orders.increment();
            roundTrip.record(Duration.ofMillis(4));
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
        prometheus = PrometheusServer.start(workDir, List.of("127.0.0.1:" + service.getAddress().getPort()), null,
                Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(30)).until(() -> prometheus.api().query("nova_execution_orders_total").series() > 0
                && prometheus.api().query("rate(nova_execution_orders_total[1m]) > 0").series() > 0);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void aPanelThatFollowsTheCodePassesAndOneNamingARenamedMetricHasNoData() {
        List<Query> queries = DashboardQueries.read(Path.of("src/test/resources/fixtures/renamed-metric-dashboard.json"));

        List<Problem> problems = new QueryCheck(prometheus.api()).check(queries);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.NO_DATA);
            assertThat(p.origin()).isEqualTo("renamed-metric-dashboard.json › Order round trip p99 › B");
        });
    }

    @Test
    void anExpressionPrometheusCannotParseIsReportedWithPrometheusOwnError() {
        List<Problem> problems = new QueryCheck(prometheus.api()).check(List.of(
                new Query("d › broken", "sum by (application (rate(nova_execution_orders_total[1m]))", Query.Kind.PANEL)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
            assertThat(p.detail()).contains("bad_data");
        });
    }

    @Test
    void aQuietAlertPassesButAnAlertOnAMetricThatDoesNotExistCouldNeverFire() {
        List<Problem> problems = new QueryCheck(prometheus.api()).check(List.of(
                new Query("r › down", "up{job=\"nova-quant\"} == 0", Query.Kind.ALERT),
                new Query("r › stalled", "increase(nova_execution_orders_total[1m]) == 0", Query.Kind.ALERT),
                new Query("r › renamed", "increase(nova_execution_heartbeat_total[1m]) == 0", Query.Kind.ALERT)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.NO_DATA);
            assertThat(p.origin()).isEqualTo("r › renamed");
            assertThat(p.expr()).isEqualTo("nova_execution_heartbeat_total");
        });
    }

    @Test
    void promtoolRejectsARulesFileWithAnUnparsableExpression(@TempDir Path dir) throws IOException {
        Path broken = java.nio.file.Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: Broken
                        expr: rate(nova_execution_orders_total[1m] > 0
                """);
        PrometheusServer.PromtoolResult result = PrometheusServer.checkRules(broken);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Broken");
    }
}
