package io.vaultpki.deploy.nomad;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * hcl4j accepts broken files (a missing brace, an unterminated heredoc), so the job files are also parsed with
 * HashiCorp's own HCL2 library (npm @cdktf/hcl2json, installed by .ci/run into ~/.cache/vault-pki/hcl2json or
 * HCL2JSON_DIR). Skipped where it is not installed, except in CI, where a missing parser is a failure.
 */
class StrictHclTest {

    private static Path nodeModules;

    @BeforeAll
    static void findParser() {
        String dir = System.getenv("HCL2JSON_DIR");
        Path base = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "vault-pki", "hcl2json");
        nodeModules = base.resolve("node_modules");
        boolean present = Files.isDirectory(nodeModules.resolve("@cdktf/hcl2json"));
        if (System.getenv("CI") != null) {
            assertThat(present).as("@cdktf/hcl2json under %s (.ci/run installs it)", base).isTrue();
        }
        assumeTrue(present, "@cdktf/hcl2json not installed under " + base);
    }

    record Result(int rc, String out, String err) {
    }

    private static Result hcl2json(Path file) throws Exception {
        Path script = NomadFiles.ROOT.resolve("deploy-tests/src/test/resources/nomad/hcl2json.js");
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), file.toString());
        pb.environment().put("NODE_PATH", nodeModules.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vault-pki-monitor.nomad.hcl", "vault-pki-exporter.nomad.hcl",
            "vars/monitor.example.vars.hcl", "vars/exporter.example.vars.hcl",
            "examples/vault-pki-exporter-prestart.nomad.hcl"})
    void nomadFileIsValidHcl2(String name) throws Exception {
        Result r = hcl2json(NomadFiles.NOMAD.resolve(name));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{");
    }

    @Test
    void keepsNomadRuntimeInterpolationsThatHcl4jMangles() throws Exception {
        Result r = hcl2json(NomadFiles.EXPORTER_JOB);
        assertThat(r.out()).contains("${NOMAD_SECRETS_DIR}/vault_token")
                .contains("${NOMAD_SECRETS_DIR}/exporter-api.yml")
                .contains("nomadVarList \\\"nomad/jobs/${var.job_name}/api-tokens\\\"");
    }

    @Test
    void thePrestartExampleWritesIntoTheSharedAllocDirAndKeepsItsOwnSecretsInTheSecretsDir() throws Exception {
        Result r = hcl2json(NomadFiles.PRESTART_EXAMPLE);
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"CERT_EXPORT_PATH\":\"${NOMAD_ALLOC_DIR}/certs\"")
                .contains("\"VAULT_AUTH_TOKEN_FILE\":\"${NOMAD_SECRETS_DIR}/vault_token\"")
                .contains("\"MICRONAUT_CONFIG_FILES\":\"${NOMAD_SECRETS_DIR}/exporter.yml\"")
                .contains("\"destination\":\"${NOMAD_SECRETS_DIR}/exporter.yml\"")
                .contains("\"args\":[\"--once\",\"--export\",\"${var.export_name}\"]")
                .contains("ssl_certificate_key /alloc/certs/${var.export_name}/key.pem");
        // a ${NOMAD_*} reference in a variable block is not allowed by Nomad: only comments may name them there
        String variables = Files.readString(NomadFiles.PRESTART_EXAMPLE);
        assertThat(variables.substring(0, variables.indexOf("job \""))).doesNotContainPattern("(?m)^[^#]*\\$\\{NOMAD_");
    }

    @Test
    void rejectsAJobWithAnUnclosedBlock(@TempDir Path dir) throws Exception {
        String job = Files.readString(NomadFiles.MONITOR_JOB);
        Path broken = dir.resolve("broken.nomad.hcl");
        Files.writeString(broken, job.substring(0, job.lastIndexOf('}')));
        Result r = hcl2json(broken);
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).containsIgnoringCase("unclosed");
    }
}
