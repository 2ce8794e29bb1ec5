package io.vaultpki.deploy.helm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Resource names (nameOverride, fullnameOverride, release names) and the image reference (registry, tag, digest). */
class NamingTest {

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void aReleaseNameWithoutTheChartNameIsPrefixed(Chart chart) {
        Chart.Rendered rendered = chart.render(t -> t.withName("prod"));

        assertThat((String) Chart.at(rendered.one("Deployment"), "metadata.name")).isEqualTo("prod-" + chart.name);
        Map<String, Object> labels = Chart.at(rendered.one("Deployment"), "metadata.labels");
        assertThat(labels).containsEntry("app.kubernetes.io/instance", "prod");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void fullnameOverrideNamesEveryObject(Chart chart) {
        Chart.Rendered rendered = chart.render("fullnameOverride", "pki");

        for (String kind : new String[] {"Deployment", "Service", "ServiceAccount"}) {
            assertThat((String) Chart.at(rendered.one(kind), "metadata.name")).as(kind).isEqualTo("pki");
        }
        assertThat((String) Chart.at(rendered.one("Deployment"), "spec.template.spec.serviceAccountName")).isEqualTo("pki");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void nameOverrideChangesTheNameLabelAndTheFullname(Chart chart) {
        Chart.Rendered rendered = chart.render(t -> t.withName("prod").set("nameOverride", "certs"));

        assertThat((String) Chart.at(rendered.one("Deployment"), "metadata.name")).isEqualTo("prod-certs");
        Map<String, Object> selector = Chart.at(rendered.one("Deployment"), "spec.selector.matchLabels");
        assertThat(selector).isEqualTo(Map.of("app.kubernetes.io/name", "certs", "app.kubernetes.io/instance", "prod"));
    }

    @ParameterizedTest
    @MethodSource("charts")
    void theTagDefaultsToTheAppVersion(Chart chart) {
        assertThat((String) chart.render().container().get("image")).isEqualTo("ghcr.io/vault-pki/" + chart.name + ":0.1.0");
    }

    @ParameterizedTest
    @MethodSource("charts")
    void aDigestWinsOverTheTag(Chart chart) {
        String digest = "sha256:" + "ab".repeat(32);
        Map<String, Object> container = chart.render("image.registry", "registry.example.com", "image.tag", "9.9.9",
                "image.digest", digest).container();

        assertThat((String) container.get("image")).isEqualTo("registry.example.com/vault-pki/" + chart.name + "@" + digest);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void anEmptyRegistryLeavesTheRepositoryAsWritten(Chart chart) {
        Map<String, Object> container = chart.render("image.registry", "", "image.repository", "local/app",
                "image.tag", "dev").container();

        assertThat((String) container.get("image")).isEqualTo("local/app:dev");
    }
}
