package com.novaquant.observability;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions of the chart's dashboards and rules that Prometheus cannot check. */
class ShippedDashboardsAndRulesTest {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final Path DASHBOARDS = REPO.resolve("deploy/helm/nova-quant/files/dashboards");
    static final Path RULES = REPO.resolve("deploy/helm/nova-quant/files/prometheus/rules.yml");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSixDashboardsAreShipped() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path file : dashboardFiles()) {
            uids.add(JSON.readTree(file.toFile()).path("uid").asString());
        }
        assertThat(uids).containsExactlyInAnyOrder("nova-desk-overview", "nova-feed-health", "nova-latency",
                "nova-execution-risk", "nova-platform", "nova-alerts");
    }

    @Test
    void everyAlertRuleIsInTheObservabilityReadmesAlertTable() throws IOException {
        String readme = Files.readString(REPO.resolve("verification/observability/README.md"));
        List<String> undocumented = new ArrayList<>();
        java.util.regex.Matcher alert = java.util.regex.Pattern.compile("(?m)^\\s*- alert: (\\w+)")
                .matcher(Files.readString(RULES));
        int rules = 0;
        while (alert.find()) {
            rules++;
            if (!readme.contains("`" + alert.group(1) + "`")) {
                undocumented.add(alert.group(1));
            }
        }
        assertThat(rules).as("alert rules found").isGreaterThan(20);
        assertThat(undocumented).as("alerts an operator would find no explanation of").isEmpty();
    }

    @Test
    void everyPanelQueriesTheProvisionedDatasourceAndUsesTheApplicationLabel() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("schemaVersion").asInt()).as(file.toString()).isEqualTo(39);
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                if (!ids.add(panel.path("id").asInt())) {
                    violations.add(file.getFileName() + ": duplicate panel id " + panel.path("id"));
                }
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                String where = file.getFileName() + " › " + panel.path("title").asString();
                if (!"${DS_PROMETHEUS}".equals(panel.path("datasource").path("uid").asString())) {
                    violations.add(where + ": datasource is not ${DS_PROMETHEUS}");
                }
                if (panel.path("targets").isEmpty()) {
                    violations.add(where + ": no query");
                }
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString();
                    if (!expr.contains("application=~\"$application\"")) {
                        violations.add(where + ": does not filter on $application: " + expr);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityTierAndASummary() throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(RULES));
        List<String> violations = new ArrayList<>();
        int alerts = 0;
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (!rule.containsKey("alert")) {
                    continue;
                }
                alerts++;
                Map<String, Object> labels = (Map<String, Object>) rule.getOrDefault("labels", Map.of());
                Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
                if (!Set.of("info", "warning", "critical").contains(String.valueOf(labels.get("severity")))) {
                    violations.add(rule.get("alert") + ": severity " + labels.get("severity"));
                }
                if (!annotations.containsKey("summary") || !annotations.containsKey("description")) {
                    violations.add(rule.get("alert") + ": summary and description required");
                }
            }
        }
        assertThat(alerts).isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void theRulesCoverWhatMustWakeSomeone() {
        Set<String> names = new HashSet<>();
        RuleQueries.read(RULES).queries().forEach(q -> names.add(q.origin().substring(q.origin().lastIndexOf('›') + 2)));
        assertThat(names).contains("NovaServiceDown", "NovaExecutionAbsent", "NovaFeedStale", "NovaConsumerLagGrowing",
                "NovaKillSwitchEngaged", "NovaExecutionHeartbeatMissing", "NovaLegRisk", "NovaTelegramDeliveryFailing",
                "NovaMarketScanStale", "NovaUniverseNotFollowed");
        assertThat(RuleQueries.read(RULES).queries()).anySatisfy(q -> assertThat(q.expr())
                .contains("time() - max by (application, instance) (nova_market_scan_last_success_timestamp_seconds")
                .contains("> 300"));
        assertThat(RuleQueries.read(RULES).queries()).anySatisfy(q ->
                assertThat(q.expr()).contains("nova_kill_switch_engaged").contains("== 1"));
    }

    @Test
    void theDeskOverviewHasACarryUniverseRowWithTheMembersTableAndEveryUniverseMetric() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve("nova-desk-overview.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        int row = -1;
        for (int i = 0; i < panels.size(); i++) {
            if ("row".equals(panels.get(i).path("type").asString())
                    && "Carry universe".equals(panels.get(i).path("title").asString())) {
                row = i;
            }
        }
        assertThat(row).as("a row titled Carry universe").isNotNegative();
        List<JsonNode> universePanels = panels.subList(row + 1, panels.size());
        Set<String> queried = new HashSet<>();
        universePanels.forEach(panel -> panel.path("targets").forEach(t ->
                queried.addAll(PromQl.metricNames(t.path("expr").asString()))));
        for (String metric : List.of("nova_universe_member", "nova_universe_notional_usdt", "nova_universe_net_carry_apr",
                "nova_universe_size", "nova_universe_revision", "nova_universe_changes_total",
                "nova_universe_scan_age_seconds", "nova_market_scan_symbols", "nova_market_scan_failures_total",
                "nova_market_scan_last_success_timestamp_seconds", "nova_ingestion_subscribed_symbols",
                "nova_execution_universe_symbols", "nova_execution_universe_revision")) {
            assertThat(queried).as("queried in the Carry universe row").contains(metric);
        }
        JsonNode table = universePanels.getFirst();
        assertThat(table.path("type").asString()).isEqualTo("table");
        assertThat(table.path("targets")).allSatisfy(t -> assertThat(t.path("format").asString()).isEqualTo("table"));
        assertThat(table.toString()).contains("Budget (USDT)").contains("Net carry (APR)");
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
