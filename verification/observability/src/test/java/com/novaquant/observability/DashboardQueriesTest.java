package com.novaquant.observability;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardQueriesTest {

    @Test
    void everyTargetOfEveryPanelIncludingCollapsedRowsIsExtracted() {
        List<Query> queries = DashboardQueries.read(Path.of("src/test/resources/fixtures/renamed-metric-dashboard.json"));
        assertThat(queries).extracting(Query::origin).containsExactly(
                "renamed-metric-dashboard.json › variable application",
                "renamed-metric-dashboard.json › Orders by outcome › A",
                "renamed-metric-dashboard.json › Order round trip p99 › A",
                "renamed-metric-dashboard.json › Order round trip p99 › B");
        assertThat(queries).allMatch(q -> q.kind() == Query.Kind.PANEL);
    }

    @Test
    void aLabelValuesVariableContributesItsSelectorWithItsMatchers() {
        List<Query> queries = DashboardQueries.read(Path.of("src/test/resources/fixtures/renamed-metric-dashboard.json"));
        assertThat(queries.get(0).expr()).isEqualTo("nova_execution_orders_total{venue=~\".+\", outcome!=\"\"}");
    }

    @Test
    void grafanaVariablesBecomeWhatGrafanaSends() {
        assertThat(DashboardQueries.substituteVariables(
                "rate(x{application=~\"$application\",venue=~\"${venue:regex}\"}[$__rate_interval]) [[legacy]] $__range"))
                .isEqualTo("rate(x{application=~\".*\",venue=~\".*\"}[1m]) .* 1h");
    }

    @Test
    void aPanelWithoutTargetsContributesNothing() {
        String json = "{\"panels\":[{\"id\":1,\"type\":\"text\",\"title\":\"Read me\"},"
                + "{\"id\":2,\"title\":\"Empty\",\"targets\":[{\"refId\":\"A\",\"expr\":\"  \"}]}]}";
        assertThat(DashboardQueries.read("d.json", json)).isEmpty();
    }
}
