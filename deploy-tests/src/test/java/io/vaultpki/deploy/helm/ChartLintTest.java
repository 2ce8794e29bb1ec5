package io.vaultpki.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both charts lint strictly and render, with their defaults and with every ci/*-values.yaml scenario, and every object
 * they render carries the standard app.kubernetes.io labels.
 */
class ChartLintTest {

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (Chart chart : List.of(Chart.MONITOR, Chart.EXPORTER)) {
            all.add(Arguments.of(chart, null));
            chart.ciValues().forEach(values -> all.add(Arguments.of(chart, values)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void lintsStrictlyWithoutWarnings(Chart chart, Path values, @TempDir Path tmp) throws IOException {
        // helm-java's lint takes no values file: lint a copy whose values.yaml is the defaults merged with the
        // scenario, which is what `helm lint --strict -f <scenario>` checks.
        Path dir = values == null ? chart.dir : copyWithValues(chart, values, tmp);

        LintResult result = new Helm(dir).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void everyRenderedObjectHasTheStandardLabels(Chart chart, Path values) {
        Chart.Rendered rendered = chart.render(values);

        if (values != null && values.getFileName().toString().contains("init-container")) {
            // one-shot mode: an app Deployment with the exporter as init container, no exporter Service
            assertThat(rendered.kinds()).contains("Deployment", "ServiceAccount").doesNotContain("Service");
        } else {
            assertThat(rendered.kinds()).contains("Deployment", "Service", "ServiceAccount");
        }
        for (Map<String, Object> object : rendered.objects) {
            Map<String, Object> labels = Chart.at(object, "metadata.labels");
            assertThat(labels).as("labels of %s", object.get("kind"))
                    .containsEntry("app.kubernetes.io/name", chart.name)
                    .containsEntry("app.kubernetes.io/instance", chart.name)
                    .containsEntry("app.kubernetes.io/version", "0.1.0")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("helm.sh/chart", chart.name + "-0.1.0");
            assertThat((String) Chart.at(object, "metadata.namespace")).isEqualTo(Chart.NAMESPACE);
        }
    }

    private static Path copyWithValues(Chart chart, Path scenario, Path tmp) throws IOException {
        Path copy = tmp.resolve(chart.name);
        try (Stream<Path> files = Files.walk(chart.dir)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(chart.dir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Yaml yaml = new Yaml();
        Map<String, Object> defaults = yaml.load(Files.readString(chart.dir.resolve("values.yaml")));
        Map<String, Object> overrides = yaml.load(Files.readString(scenario));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(copy.resolve("values.yaml"), new Yaml(options).dump(merge(defaults, overrides)));
        return copy;
    }

    /** Helm's coalescing: maps merge key by key, anything else (lists included) is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
