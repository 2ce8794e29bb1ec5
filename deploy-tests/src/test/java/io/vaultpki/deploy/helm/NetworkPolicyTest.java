package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional NetworkPolicy: only Prometheus (and the exporter's API clients) in, only Vault and DNS out. */
class NetworkPolicyTest {

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void isAbsentByDefault(Chart chart) {
        assertThat(chart.render().kinds()).doesNotContain("NetworkPolicy");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void selectsThePodAndRestrictsBothDirections(Chart chart) {
        Chart.Rendered rendered = chart.render("networkPolicy.enabled", true);
        Map<String, Object> policy = rendered.one("NetworkPolicy");

        assertThat((Map<String, Object>) at(policy, "spec.podSelector.matchLabels"))
                .isEqualTo(at(rendered.one("Deployment"), "spec.selector.matchLabels"));
        assertThat((List<String>) at(policy, "spec.policyTypes")).containsExactly("Ingress", "Egress");
        List<Map<String, Object>> ingress = at(policy, "spec.ingress");
        assertThat(ingress).hasSize(1);
        assertThat((List<Object>) ingress.get(0).get("ports")).containsExactly(Map.of("port", "http", "protocol", "TCP"));
        assertThat((Map<String, Object>) at(((List<Object>) ingress.get(0).get("from")).get(0), "podSelector.matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "prometheus"));
        List<Map<String, Object>> egress = at(policy, "spec.egress");
        assertThat(egress).hasSize(2);
        assertThat((List<Object>) egress.get(0).get("ports")).containsExactly(Map.of("port", 8200, "protocol", "TCP"));
        assertThat((List<Object>) egress.get(1).get("ports")).containsExactly(
                Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP"));
    }

    @Test
    void vaultEgressGoesOnlyToTheGivenCidrsAndSelectors() {
        Chart.Rendered rendered = Chart.MONITOR.render(Chart.MONITOR.dir.resolve("ci/04-networkpolicy-values.yaml"));
        List<Map<String, Object>> egress = at(rendered.one("NetworkPolicy"), "spec.egress");

        assertThat((List<Object>) egress.get(0).get("to")).containsExactly(
                Map.of("ipBlock", Map.of("cidr", "10.20.0.0/24")),
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "vault")),
                        "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "vault"))));
    }

    @Test
    void theExportersApiClientsMayReachTheApiPort() {
        Chart.Rendered rendered = Chart.EXPORTER.render(Chart.EXPORTER.dir.resolve("ci/03-api-tokens-values.yaml"));
        List<Map<String, Object>> ingress = at(rendered.one("NetworkPolicy"), "spec.ingress");

        assertThat((List<Object>) ingress.get(0).get("from")).hasSize(2)
                .contains(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "deployer"))));
    }
}
