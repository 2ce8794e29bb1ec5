package io.vaultpki.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.vaultpki.deploy.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two apps' default ports (monitor 8080, the Python exporter's; exporter 8082, so both fit on one host) are the
 * same in every artefact that states them: the app's application.yml, its Dockerfile, its chart (container port,
 * Service, the variable), its Nomad job, the README's ports table and commands, and docs/containers.md.
 */
class DefaultPortsAgreeTest {

    record App(String module, int port, String variable, Chart chart, String nomadJob, String readmeSection) {
    }

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of(new App("monitor", 8080, "MONITOR_PORT", Chart.MONITOR, "vault-pki-monitor", "## vault-pki-monitor")),
                Arguments.of(new App("exporter", 8082, "EXPORTER_PORT", Chart.EXPORTER, "vault-pki-exporter", "## vault-pki-exporter")));
    }

    private static String read(String path) throws IOException {
        return Files.readString(Chart.REPOSITORY.resolve(path));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theAppsApplicationYmlDockerfileChartAndNomadJobUseTheSamePort(App app) throws Exception {
        Map<String, Object> yml = new Yaml().load(read(app.module() + "/src/main/resources/application.yml"));
        assertThat(at(yml, "micronaut.server.port").toString()).isEqualTo("${" + app.variable() + ":" + app.port() + "}");

        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)").matcher(read(app.module() + "/Dockerfile"));
        assertThat(expose.find()).isTrue();
        assertThat(Integer.parseInt(expose.group(1))).isEqualTo(app.port());
        assertThat(read(app.module() + "/Dockerfile")).contains("${" + app.variable() + ":-" + app.port() + "}");

        Chart.Rendered rendered = app.chart().render();
        List<Map<String, Object>> containerPorts = at(rendered.container(), "ports");
        assertThat(containerPorts.get(0)).containsEntry("containerPort", app.port());
        List<Map<String, Object>> servicePorts = at(rendered.one("Service"), "spec.ports");
        assertThat(servicePorts.get(0)).containsEntry("port", app.port());
        assertThat(rendered.envValue(app.variable())).isEqualTo(String.valueOf(app.port()));

        // NomadJobTest reads the job's structure; the text is enough to compare the port
        assertThat(read("nomad/" + app.nomadJob() + ".nomad.hcl")).containsPattern("port \"http\" \\{\\s*to = " + app.port() + "\\s*}")
                .containsPattern(app.variable() + "\\s*= \"" + app.port() + "\"");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theReadmeAndContainersDocStateThatPortAndTheReadmeCommandsUseIt(App app) throws IOException {
        String readme = read("README.md");
        assertThat(readme).containsPattern("\\| vault-pki-" + app.module() + " \\| " + app.port() + "[ ,(]");
        assertThat(read("docs/containers.md")).containsPattern("\\| vault-pki-" + app.module() + " \\|[^\\n]*\\| "
                + app.port() + "[ |]");

        int start = readme.indexOf(app.readmeSection() + "\n");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher local = Pattern.compile("localhost:(\\d+)").matcher(readme.substring(start, end));
        int commands = 0;
        while (local.find()) {
            commands++;
            assertThat(Integer.parseInt(local.group(1))).as("a command in README's %s", app.readmeSection()).isEqualTo(app.port());
        }
        assertThat(commands).isPositive();
    }

    @Test
    void theExporterDocsExamplesUseTheExportersPort() throws IOException {
        for (String doc : List.of("docs/exporter-api.md", "docs/exporter-configuration.md")) {
            Matcher local = Pattern.compile("localhost:(\\d+)").matcher(read(doc));
            while (local.find()) {
                assertThat(Integer.parseInt(local.group(1))).as(doc).isEqualTo(8082);
            }
        }
        assertThat(read("docs/exporter-configuration.md")).contains("| `EXPORTER_PORT` | | `8082` |");
    }
}
