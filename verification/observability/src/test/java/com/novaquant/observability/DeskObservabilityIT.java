package com.novaquant.observability;

import com.novaquant.localstack.Desk;
import com.novaquant.localstack.DeskConfig;
import com.novaquant.localstack.UniverseDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof on a running desk: the simulator and the four services (child JVMs from their exec jars, real Kafka and
 * PostgreSQL), scraped by a real Prometheus that also loads the chart's rules file. Every dashboard panel query and
 * every alert rule is evaluated through Prometheus's HTTP API, and every metric they name must be in what the
 * services expose. A metric renamed in code without the dashboards following fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskObservabilityIT {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    /**
     * Where the services' exec jars are found ({@code <module>/target/}) with {@code deploy/jvm.options}: the checkout,
     * or a copy of those files ({@code -Dobservability.desk.root=DIR}) so that a rebuild beside the test cannot swap a
     * jar under a starting JVM.
     */
    static final Path DESK_ROOT = Path.of(System.getProperty("observability.desk.root", REPO.toString()));
    static final Path DASHBOARDS = REPO.resolve("deploy/helm/nova-quant/files/dashboards");
    static final Path RULES = REPO.resolve("deploy/helm/nova-quant/files/prometheus/rules.yml");
    static final List<String> SCRAPED = List.of(DeskConfig.SIMULATOR, DeskConfig.INGESTION, DeskConfig.SIGNAL,
            DeskConfig.EXECUTION, DeskConfig.ALERT);

    /** How long the desk may trade before every panel must show data: counters need two scrapes, latencies a trade. */
    static final Duration DATA_DEADLINE = Duration.ofSeconds(150);

    private final Path workDir = Path.of("target/desk-it").toAbsolutePath();
    private Desk desk;
    private PrometheusServer prometheus;
    private Checker checker;

    @BeforeAll
    void startDeskAndPrometheus() {
        // Fail before spending a minute on the desk when Prometheus is not installed.
        PrometheusServer.requireInstalled(PrometheusServer.BINARY);
        checker = Checker.of(DASHBOARDS, RULES);
        Map<String, List<String>> extra = new LinkedHashMap<>();
        // The synthetic market at 60x with a carry worth opening from the first tick (a timed spike could pass while
        // the services start on a busy machine) and no negative-funding period within the test. Funding income is
        // polled often so that the settlement the test brings forward reaches the funding panels.
        extra.put(DeskConfig.SIMULATOR, List.of("--nova.simulator.clock-speed=60",
                "--nova.simulator.funding.base-rate=0.0015", "--nova.simulator.funding.negative-start=1000h"));
        extra.put(DeskConfig.SIGNAL, List.of("--nova.signal.cooldown=5s"));
        extra.put(DeskConfig.EXECUTION, List.of("--nova.execution.funding-poll-interval=5s"));
        // The desk trades a carry universe, so that the universe's panels and rules have data beside everything else:
        // every listed symbol carries the same rate, and the universe takes the liquid ones up to its size.
        DeskConfig config = new DeskConfig(DESK_ROOT, workDir, "synthetic", PrometheusServer.freePort(), PrometheusServer.freePort(),
                DeskConfig.freePorts(), null, "100001", "observability-it",
                UniverseDesk.merged(extra, UniverseDesk.properties(Duration.ofSeconds(5), Duration.ZERO)), List.of());
        // Assigned before start so that @AfterAll stops whatever did start when start-up fails.
        desk = new Desk(config, System.out);
        desk.start(Duration.ofMinutes(5));
        // Prometheus scrapes each service's management port, as the ServiceMonitor and compose's Prometheus do.
        List<String> targets = SCRAPED.stream().map(name -> "127.0.0.1:" + config.managementPort(name)).toList();
        prometheus = PrometheusServer.start(workDir.resolve("prometheus"), targets, RULES, Duration.ofSeconds(2));
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(1)
    void promtoolAcceptsTheRulesFile() {
        PrometheusServer.PromtoolResult result = PrometheusServer.checkRules(RULES);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** After the queries have had their time, so meters a service registers on first use exist if they ever will. */
    @Test
    @Order(3)
    void everyMetricTheDashboardsAndRulesNameIsExposedByAService() throws IOException {
        Checker.Report report = checker.checkMetricNames(expositions());
        System.out.print("metric names: " + report.render());
        assertThat(report.problems()).as(report.render()).isEmpty();
    }

    @Test
    @Order(2)
    void everyPanelQueryAndEveryAlertRuleParsesAndReturnsDataOnTheRunningDesk() throws IOException {
        long deadline = System.nanoTime() + DATA_DEADLINE.toNanos();
        // Once pairs are open, the next funding settlement is brought forward so the funding panels have a payment.
        long start = System.nanoTime();
        while (prometheus.api().query("nova_execution_open_notional > 0").series() == 0 && System.nanoTime() < deadline) {
            sleep(2_000);
        }
        System.out.println("[observability] pairs open after " + Duration.ofNanos(System.nanoTime() - start).toSeconds()
                + " s; bringing the next funding settlement forward");
        simulatorAdmin("/admin/clock/advance", "{\"ms\":" + Duration.ofHours(8).toMillis() + "}");
        Checker.Report report = checker.checkQueries(prometheus.api());
        while (!report.passed() && System.nanoTime() < deadline) {
            sleep(10_000);
            report = checker.checkQueries(prometheus.api());
        }
        System.out.print("queries: " + report.render());
        assertThat(report.queries()).isGreaterThan(50);
        assertThat(report.problems()).as(report.render()).isEmpty();
    }

    @Test
    @Order(4)
    void prometheusLoadedEveryRuleAndEvaluatesEachWithoutError() throws IOException {
        int rulesInFile = RuleQueries.read(RULES).queries().size();
        sleep(5_000); // at least two evaluation rounds
        List<String> unhealthy = new ArrayList<>();
        int loaded = 0;
        for (JsonNode group : prometheus.api().rules().path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                loaded++;
                if (!"ok".equals(rule.path("health").asString(""))) {
                    unhealthy.add(rule.path("name").asString() + ": " + rule.path("health").asString() + " "
                            + rule.path("lastError").asString(""));
                }
            }
        }
        assertThat(loaded).isEqualTo(rulesInFile);
        assertThat(unhealthy).isEmpty();
    }

    /** Each service's exposition, also written to target/desk-it/expositions/ for whoever reads a failure. */
    private List<String> expositions() throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("expositions"));
        List<String> texts = new ArrayList<>();
        for (String name : SCRAPED) {
            String text = ObservabilityCheck.load("http://127.0.0.1:" + desk.config().managementPort(name) + "/actuator/prometheus");
            Files.writeString(dir.resolve(name + ".prom"), text);
            texts.add(text);
        }
        return texts;
    }

    private void simulatorAdmin(String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + desk.config().port(DeskConfig.SIMULATOR) + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
