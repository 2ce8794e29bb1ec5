package io.vaultpki.deploy.helm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * values.schema.json rejects a wrong type, an unknown key and a value outside an enum, and Helm's message names the
 * offending key, so a user sees what to fix. Fixtures: src/test/resources/helm/schema/invalid/.
 */
class SchemaTest {

    private static final Path FIXTURES = Chart.REPOSITORY.resolve("deploy-tests/src/test/resources/helm/schema/invalid");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "monitor-wrong-type.yaml          | replicaCount                                  | integer",
            "monitor-unknown-key.yaml         | intervall                                     | additional properties",
            "monitor-bad-enum.yaml            | /vault/auth/method                            | value must be one of 'auto', 'token', 'token-file', 'kubernetes'",
            "monitor-bad-severity.yaml        | /prometheusRule/alerts/VaultPkiCrlStale/severity | value must be one of 'info', 'warning', 'critical'",
            "monitor-bad-window.yaml          | /prometheusRule/alerts/VaultPkiExporterRevocationFailing/window | does not match pattern",
            "exporter-bad-scope.yaml          | /exporter/api/tokens/0/scopes/0               | value must be one of 'read', 'write', 'keys'",
            "exporter-unknown-top-level-key.yaml | persistance                                | additional properties",
            "exporter-inline-hook-command.yaml | /exporter/exports/web/hook                    | want string",
            "exporter-hook-without-command.yaml | /exporter/hooks/reload                       | missing property 'command'",
            "exporter-hook-unknown-key.yaml   | timout                                        | additional properties",
            "exporter-init-export-flag.yaml   | /initContainer/exports/0                      | does not match pattern",
            "exporter-init-unknown-key.yaml   | mountPth                                      | additional properties",
    })
    void anInvalidValuesFileIsRejectedWithAMessageNamingTheKey(String fixture, String key, String detail) {
        Chart chart = fixture.startsWith("monitor") ? Chart.MONITOR : Chart.EXPORTER;

        assertThatThrownBy(() -> chart.render(FIXTURES.resolve(fixture)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(key)
                .hasMessageContaining(detail);
    }
}
