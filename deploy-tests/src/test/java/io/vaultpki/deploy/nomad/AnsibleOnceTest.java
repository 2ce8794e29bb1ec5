package io.vaultpki.deploy.nomad;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static io.vaultpki.deploy.nomad.AnsiblePlaybookTest.copyOfNomadDir;
import static io.vaultpki.deploy.nomad.AnsiblePlaybookTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * nomad/ansible/once.yml (role vault_pki_nomad, tasks_from: once) runs vault-pki-exporter --once on a host. It passes
 * `--syntax-check`, and runs for real on localhost against a stand-in for java/docker that records its arguments
 * and environment and acts like the exporter (switches an export, does nothing, or fails with the exporter's
 * "export NAME: reason" line): the play is changed only when an export switched, fails on a non-zero exit with the
 * exporter's line, and never prints the Vault token or puts it on a command line.
 */
class AnsibleOnceTest {

    private static final String TOKEN = "hvs.token-that-must-never-be-printed";

    @BeforeAll
    static void needsAnsible() {
        if (System.getenv("CI") != null) {
            assertThat(AnsiblePlaybookTest.ANSIBLE_PLAYBOOK).as(".ci/run installs Debian's ansible").isExecutable();
        }
        assumeTrue(Files.isExecutable(AnsiblePlaybookTest.ANSIBLE_PLAYBOOK), "ansible-playbook not installed");
    }

    /** A copy of nomad/, a localhost inventory, a fake exporter command and the variables pointing at them. */
    private record Setup(Path ansible, Path fake, Path exports, Path config) {

        static Setup in(Path tmp) throws Exception {
            Path ansible = copyOfNomadDir(tmp).resolve("ansible");
            Files.writeString(ansible.resolve("inventory.test.ini"), """
                    [vault_pki_once]
                    localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3
                    """);
            Path fake = Files.createDirectories(tmp.resolve("fake"));
            Path script = fake.resolve("java");
            Files.writeString(script, """
                    #!/bin/sh
                    # Stands in for java (and docker): records argv and the environment, then acts as told by ./mode.
                    dir=$(dirname "$0")
                    printf '%%s\\n' "$(basename "$0")" "$@" > "$dir/argv"
                    {
                      echo "CERT_EXPORT_PATH=$CERT_EXPORT_PATH"
                      echo "MICRONAUT_CONFIG_FILES=$MICRONAUT_CONFIG_FILES"
                      echo "VAULT_ADDR=$VAULT_ADDR"
                      echo "VAULT_AUTH_METHOD=$VAULT_AUTH_METHOD"
                      if [ -n "$VAULT_TOKEN" ]; then echo "VAULT_TOKEN in the environment"; fi
                    } > "$dir/env"
                    # the token: from the token file (java) or the docker CLI's --env-file
                    token=""
                    if [ -n "$VAULT_AUTH_TOKEN_FILE" ]; then
                      token=$(cat "$VAULT_AUTH_TOKEN_FILE"); echo "$VAULT_AUTH_TOKEN_FILE" > "$dir/tokenfile"
                    fi
                    previous=""
                    for arg in "$@"; do
                      if [ "$previous" = "--env-file" ]; then
                        token=$(sed -n 's/^VAULT_TOKEN=//p' "$arg"); echo "$arg" > "$dir/tokenfile"
                      fi
                      previous="$arg"
                    done
                    if [ "$token" = "%s" ]; then echo "token=the token" >> "$dir/env"; fi
                    case "$(cat "$dir/mode")" in
                      switch)
                        v="..v$(date +%%s%%N)"
                        mkdir -p "$CERT_EXPORT_PATH/web/$v"
                        echo certificate > "$CERT_EXPORT_PATH/web/$v/cert.pem"
                        ln -s "$v" "$CERT_EXPORT_PATH/web/..data.new"
                        mv -T "$CERT_EXPORT_PATH/web/..data.new" "$CERT_EXPORT_PATH/web/..data"
                        echo "export web: issued" ;;
                      noop)
                        echo "export web: up to date" ;;
                      fail)
                        echo "starting" >&2
                        echo "export web: permission_denied (Vault refused token $token)" >&2
                        exit 1 ;;
                    esac
                    """.formatted(TOKEN));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.copy(script, fake.resolve("docker"));
            Path exports = tmp.resolve("certs");
            Path config = tmp.resolve("etc/once.yml");
            Files.writeString(ansible.resolve("vars.test.json"), """
                    {"vault_pki_once_runtime": "java", "vault_pki_once_java": "%s",
                     "vault_pki_once_jar": "/opt/vault-pki/vault-pki-exporter-all.jar",
                     "vault_pki_once_export_path": "%s", "vault_pki_once_config_file": "%s",
                     "vault_pki_once_vault_addr": "https://vault.example.com:8200",
                     "vault_pki_once_exports": {"web": {"source": "issue", "mount": "pki_int", "role": "web",
                                                        "common-name": "web.example.com"}},
                     "vault_pki_once_export_names": ["web"], "vault_pki_once_vault_token": "%s"}
                    """.formatted(script, exports, config, TOKEN));
            return new Setup(ansible, fake, exports, config);
        }

        AnsiblePlaybookTest.Result play(String mode, String... extra) throws Exception {
            return play("-v", mode, extra);
        }

        /** With -vvv, which also prints the commands Ansible runs on the host and their environment. */
        AnsiblePlaybookTest.Result playVerbose(String mode, String... extra) throws Exception {
            return play("-vvv", mode, extra);
        }

        private AnsiblePlaybookTest.Result play(String verbosity, String mode, String[] extra) throws Exception {
            Files.writeString(fake.resolve("mode"), mode);
            List<String> args = new java.util.ArrayList<>(List.of(verbosity, "-i", "inventory.test.ini", "once.yml",
                    "-e", "@vars.test.json"));
            for (String e : extra) {
                args.add("-e");
                args.add(e);
            }
            // The token comes from the variables, not from VAULT_TOKEN (the default's lookup): on localhost the
            // exporter would inherit ansible-playbook's environment, hiding whether the role passed it there.
            return run(ansible, Map.of("PATH", fake + ":" + System.getenv("PATH")),
                    args.toArray(String[]::new));
        }

        /** The token file the run used: removed after the run. */
        Path tokenFile() throws Exception {
            return Path.of(Files.readString(fake.resolve("tokenfile")).strip());
        }

        List<String> argv() throws Exception {
            return Files.readAllLines(fake.resolve("argv"));
        }

        String env() throws Exception {
            return Files.readString(fake.resolve("env"));
        }
    }

    @Test
    void playbookPassesSyntaxCheck(@TempDir Path tmp) throws Exception {
        Path ansible = copyOfNomadDir(tmp).resolve("ansible");
        AnsiblePlaybookTest.Result r = run(ansible, "--syntax-check", "-i", "inventory.example.ini", "once.yml");
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(r.output()).contains("playbook: once.yml");
    }

    @Test
    void runsTheJarWithOnceTheSelectedExportsAndTheServicesConfigurationAndTheTokenInAFileItRemoves(@TempDir Path tmp) throws Exception {
        Setup setup = Setup.in(tmp);

        AnsiblePlaybookTest.Result r = setup.playVerbose("switch");

        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(setup.argv()).containsExactly("java", "-jar", "/opt/vault-pki/vault-pki-exporter-all.jar",
                "--once", "--export", "web");
        assertThat(setup.env()).contains("CERT_EXPORT_PATH=" + setup.exports(), "MICRONAUT_CONFIG_FILES=" + setup.config(),
                "VAULT_ADDR=https://vault.example.com:8200", "VAULT_AUTH_METHOD=token-file", "token=the token")
                .doesNotContain("VAULT_TOKEN in the environment");
        assertThat(setup.tokenFile()).doesNotExist();
        assertThat(setup.tokenFile().getParent()).doesNotExist();
        Map<String, Object> config = new Yaml().load(Files.readString(setup.config()));
        assertThat(config).isEqualTo(Map.of("exporter", Map.of("exports", Map.of("web", Map.of("source", "issue",
                "mount", "pki_int", "role", "web", "common-name", "web.example.com")))));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(setup.exports()))).isEqualTo("rwxr-x---");
        assertThat(r.output()).doesNotContain(TOKEN);
    }

    @Test
    void isChangedOnlyWhenAnExportSwitchedToANewVersion(@TempDir Path tmp) throws Exception {
        Setup setup = Setup.in(tmp);

        AnsiblePlaybookTest.Result first = setup.play("switch");
        AnsiblePlaybookTest.Result again = setup.play("noop");
        AnsiblePlaybookTest.Result renewed = setup.play("switch");

        assertThat(first.rc()).as(first.output()).isZero();
        assertThat(first.output()).containsPattern("Report the run\\]\\s*\\*+\\s*changed");
        assertThat(again.rc()).as(again.output()).isZero();
        assertThat(again.output()).containsPattern("Report the run\\]\\s*\\*+\\s*ok").contains("changed=0")
                .contains("every export already up to date");
        assertThat(renewed.output()).containsPattern("Report the run\\]\\s*\\*+\\s*changed")
                .contains("exports switched to new versions");
    }

    @Test
    void aFailedExportFailsThePlayWithTheExportersLineAndNeverShowsTheToken(@TempDir Path tmp) throws Exception {
        Setup setup = Setup.in(tmp);

        AnsiblePlaybookTest.Result r = setup.playVerbose("fail");

        assertThat(r.rc()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("vault-pki-exporter --once on localhost failed (exit 1)")
                .contains("export web: permission_denied (Vault refused token ********)")
                .doesNotContain(TOKEN, "starting");
        assertThat(r.output()).doesNotContainPattern("TASK \\[[^]]*Report the run");
        assertThat(setup.tokenFile()).doesNotExist();
    }

    @Test
    void inAContainerTheTokenReachesDockerThroughAnEnvFileNeverOnTheCommandLine(@TempDir Path tmp) throws Exception {
        Setup setup = Setup.in(tmp);

        AnsiblePlaybookTest.Result r = setup.playVerbose("noop", "vault_pki_once_runtime=docker", "vault_pki_once_dry_run=true");

        assertThat(r.rc()).as(r.output()).isZero();
        List<String> argv = setup.argv();
        assertThat(argv.subList(0, 4)).containsExactly("docker", "run", "--rm", "--read-only");
        assertThat(String.join(" ", argv)).contains("--user 65534:65534", "--cap-drop ALL",
                "--volume " + setup.exports() + ":/exported-certs",
                "--volume " + setup.config() + ":/etc/vault-pki-exporter/once.yml:ro",
                "--env VAULT_ADDR", "--env CERT_EXPORT_PATH", "--env-file " + setup.tokenFile(),
                "ghcr.io/vault-pki/vault-pki-exporter:0.1.0 --once --export web --dry-run");
        assertThat(argv).noneMatch(a -> a.contains(TOKEN)).doesNotContain("VAULT_TOKEN");
        // the docker CLI hands the named variables over from its own environment, the token from the --env-file
        assertThat(setup.env()).contains("token=the token", "CERT_EXPORT_PATH=/exported-certs",
                "MICRONAUT_CONFIG_FILES=/etc/vault-pki-exporter/once.yml", "VAULT_AUTH_METHOD=token")
                .doesNotContain("VAULT_TOKEN in the environment");
        assertThat(setup.tokenFile()).doesNotExist();
        assertThat(r.output()).doesNotContain(TOKEN).contains("every export already up to date");
    }

    @Test
    void refusesAnExportNameThatWouldBecomeAFlagBeforeRunningAnything(@TempDir Path tmp) throws Exception {
        Setup setup = Setup.in(tmp);

        AnsiblePlaybookTest.Result r = setup.play("switch", "{\"vault_pki_once_export_names\": [\"--dry-run\"]}");

        assertThat(r.rc()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("every export name").contains("--dry-run");
        assertThat(setup.fake().resolve("argv")).doesNotExist();
        assertThat(setup.exports()).doesNotExist();
    }
}
