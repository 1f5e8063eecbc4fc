package com.novaquant.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleQueriesTest {

    private static final String RULES = """
            groups:
              - name: availability
                rules:
                  - record: nova:up:sum
                    expr: sum by (application) (up)
                  - alert: NovaServiceDown
                    expr: |
                      up{job="nova-quant"} == 0
                    for: 1m
                    labels: {severity: critical}
            """;

    @Test
    void alertingRulesAreCheckedPerSelectorAndRecordingRulesAsAWhole() {
        RuleQueries rules = RuleQueries.parse("rules.yml", RULES);
        assertThat(rules.queries()).containsExactly(
                new Query("rules.yml › availability › record nova:up:sum", "sum by (application) (up)", Query.Kind.PANEL),
                new Query("rules.yml › availability › NovaServiceDown", "up{job=\"nova-quant\"} == 0", Query.Kind.ALERT));
        assertThat(rules.recordedNames()).containsExactly("nova:up:sum");
    }
}
