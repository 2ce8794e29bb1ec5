package io.vaultpki.deploy.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric-name extractor the dashboard test relies on finds names and only names. */
class PromQlNamesTest {

    @Test
    void findsMetricsAndSkipsFunctionsAggregationsLabelsAndVariables() {
        String expr = "histogram_quantile(0.95, sum by (le) (rate(foo_seconds_bucket{engine=~\"$engine\", a=\"x y\"}"
                + "[$__rate_interval]))) / on(engine) group_left(common_name) max by (engine, common_name) (bar_info)"
                + " - time() < 7 * 86400 or vector(0)";

        assertThat(PromQlNames.metricNames(expr)).containsExactly("bar_info", "foo_seconds_bucket");
    }

    @Test
    void findsAMetricWithoutSelectorNextToAnAggregation() {
        assertThat(PromQlNames.metricNames("min(vault_pki_monitor_up) and up")).containsExactly("up", "vault_pki_monitor_up");
    }
}
