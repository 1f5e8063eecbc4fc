package com.novaquant.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void aggregationsFunctionsAndLabelListsAreNotMetrics() {
        String expr = "histogram_quantile(0.99, sum by (le, application) (rate(nova_x_seconds_bucket{application=~\".*\"}[1m])))";
        assertThat(PromQl.metricNames(expr)).containsExactly("nova_x_seconds_bucket");
    }

    @Test
    void selectorsKeepTheirMatchersVerbatim() {
        assertThat(PromQl.selectors("up{job=\"nova-quant\", application=\"x\"} == 0"))
                .containsExactly(new PromQl.Selector("up", "{job=\"nova-quant\", application=\"x\"}"));
    }

    @Test
    void bothSidesOfABinaryOperationWithVectorMatchingAreFound() {
        String expr = "sum without (instance) (a_total) / on (application) group_left (venue) b max by (application) (c)";
        assertThat(PromQl.metricNames(expr)).containsExactly("a_total", "b", "c");
    }

    @Test
    void stringsNumbersDurationsAndKeywordsAreSkipped() {
        String expr = "label_replace(increase(m_total[5m] offset 1h), \"dst\", \"$1 rate(x)\", \"src\", \"(.*)\") > bool 1e3"
                + " or vector(0) unless absent(y{a='}'})";
        assertThat(PromQl.metricNames(expr)).containsExactly("m_total", "y");
    }

    @Test
    void aSelectorWithoutAMetricNameNamesNothing() {
        assertThat(PromQl.selectors("count({__name__=~\"nova_.*\"})")).isEmpty();
    }

    @Test
    void subqueriesAndCommentsAreSkipped() {
        assertThat(PromQl.metricNames("max_over_time(rate(z_total[1m])[10m:30s]) # rate(not_me)\n")).containsExactly("z_total");
    }
}
