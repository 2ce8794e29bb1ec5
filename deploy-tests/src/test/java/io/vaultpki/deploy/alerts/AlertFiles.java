package io.vaultpki.deploy.alerts;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The alert rule file, its promtool unit tests and its runbook, read from the repository. */
final class AlertFiles {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path RULES = ROOT.resolve("alerts/vault-pki-alerts.yml");
    static final Path TESTS_DIR = ROOT.resolve("alerts/tests");
    static final Path RUNBOOK = ROOT.resolve("docs/alerts.md");

    private AlertFiles() {
    }

    /** The rules of every group that are alerts (not recording rules), in file order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        Map<String, Object> file = load(RULES);
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .filter(rule -> rule.containsKey("alert"))
                .toList();
    }

    static List<String> alertNames() {
        return alertRules().stream().map(rule -> (String) rule.get("alert")).toList();
    }

    /** alerts/tests/*.yml, sorted, relative to the repository root (as a user would type them). */
    static List<String> unitTestFiles() {
        try (Stream<Path> files = Files.list(TESTS_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml"))
                    .map(f -> ROOT.relativize(f).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code alert_rule_test} entry of every unit test file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRuleTests() {
        return unitTestFiles().stream()
                .map(f -> load(ROOT.resolve(f)))
                .flatMap(file -> ((List<Map<String, Object>>) file.get("tests")).stream())
                .flatMap(test -> ((List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())).stream())
                .toList();
    }

    static Map<String, Object> load(Path yaml) {
        try {
            return new Yaml().load(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
