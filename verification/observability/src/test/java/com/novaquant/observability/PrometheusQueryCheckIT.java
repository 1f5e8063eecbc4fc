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
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Path broken = Files.writeString(dir.resolve("rules.yml"), """
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

    /**
     * The universe rules over series as the services expose them, through {@code promtool test rules}: a stale scan
     * and a scan that never succeeded fire, a healthy scan and a desk on the fixed symbol list (no scan) do not;
     * execution on an older universe revision than the signal service fires after 2 minutes.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theUniverseRulesFireOnAStaleScanAndOnExecutionNotFollowingButNotOnTheFixedSymbolList(@TempDir Path dir)
            throws IOException {
        Map<String, Map<String, String>> annotations = new HashMap<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(ShippedDashboardsAndRulesTest.RULES));
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                annotations.put(String.valueOf(rule.get("alert")), (Map<String, String>) rule.get("annotations"));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        // Scrapes every minute from t=0; a success timestamp of 0 means "never" (or no scanning: the fixed list).
        scan(series, "fixed", "0x20", "0x20");
        scan(series, "healthy", "0+60x20", "0x20");
        scan(series, "stale", "60x20", "0x20");
        scan(series, "never", "0x20", "0+1x20");
        series.add(Map.of("series", "nova_universe_revision{job=\"nova-quant\",application=\"signal-service\"}",
                "values", "7x5 8x15"));
        series.add(Map.of("series", "nova_execution_universe_revision{job=\"nova-quant\","
                + "application=\"execution-service\"}", "values", "7x20"));
        List<Map<String, Object>> checks = List.of(
                check("5m", "NovaMarketScanStale", List.of()),
                check("10m", "NovaMarketScanStale", List.of(
                        alert(Map.of("severity", "warning", "application", "ingestion-service", "instance", "never"),
                                annotations.get("NovaMarketScanStale"), "never", null),
                        alert(Map.of("severity", "warning", "application", "ingestion-service", "instance", "stale"),
                                annotations.get("NovaMarketScanStale"), "stale", null))),
                check("7m", "NovaUniverseNotFollowed", List.of()),
                check("9m", "NovaUniverseNotFollowed", List.of(alert(Map.of("severity", "warning"),
                        annotations.get("NovaUniverseNotFollowed"), null, "8"))));
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("rule_files", List.of(ShippedDashboardsAndRulesTest.RULES.toString()));
        test.put("evaluation_interval", "1m");
        test.put("tests", List.of(Map.of("interval", "1m", "input_series", series, "alert_rule_test", checks)));
        Path testFile = Files.writeString(dir.resolve("universe-rules-test.yml"), new Yaml().dump(test));

        PrometheusServer.PromtoolResult result = PrometheusServer.testRules(testFile);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    private static void scan(List<Map<String, Object>> series, String instance, String lastSuccess, String failures) {
        String labels = "job=\"nova-quant\",application=\"ingestion-service\",instance=\"" + instance + "\"";
        series.add(Map.of("series", "nova_market_scan_last_success_timestamp_seconds{" + labels + "}",
                "values", lastSuccess));
        series.add(Map.of("series", "nova_market_scan_failures_total{" + labels + ",endpoint=\"premiumIndex\"}",
                "values", failures));
    }

    private static Map<String, Object> check(String at, String alertName, List<Map<String, Object>> expected) {
        return Map.of("eval_time", at, "alertname", alertName, "exp_alerts", expected);
    }

    /** An expected alert, its annotations rendered as Prometheus renders the two templates these rules use. */
    private static Map<String, Object> alert(Map<String, String> labels, Map<String, String> annotations,
                                             String instance, String value) {
        Map<String, String> rendered = new LinkedHashMap<>();
        annotations.forEach((name, text) -> rendered.put(name, text
                .replace("{{ $labels.instance }}", instance == null ? "" : instance)
                .replace("{{ $value }}", value == null ? "" : value)));
        return Map.of("exp_labels", labels, "exp_annotations", rendered);
    }
}
