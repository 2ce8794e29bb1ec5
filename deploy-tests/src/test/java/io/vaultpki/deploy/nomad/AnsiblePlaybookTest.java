package io.vaultpki.deploy.nomad;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playbook passes Debian's `ansible-playbook --syntax-check`, and a broken copy does not (the check can fail);
 * run for real against addresses where no Nomad answers, it stops before any call with a clear message.
 */
class AnsiblePlaybookTest {

    static final Path ANSIBLE_PLAYBOOK = Path.of("/usr/bin/ansible-playbook");

    @BeforeAll
    static void needsAnsible() {
        if (System.getenv("CI") != null) {
            assertThat(ANSIBLE_PLAYBOOK).as(".ci/run installs Debian's ansible").isExecutable();
        }
        assumeTrue(Files.isExecutable(ANSIBLE_PLAYBOOK), "ansible-playbook not installed");
    }

    record Result(int rc, String output) {
    }

    static Result run(Path dir, String... args) throws Exception {
        return run(dir, Map.of(), args);
    }

    static Result run(Path dir, Map<String, String> environment, String... args) throws Exception {
        List<String> cmd = Stream.concat(Stream.of(ANSIBLE_PLAYBOOK.toString()), Stream.of(args)).toList();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(name -> name.startsWith("NOMAD_") || name.startsWith("VAULT_"));
        pb.environment().putAll(environment);
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
        pb.environment().put("ANSIBLE_HOME", dir.resolve(".ansible-home").toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** A copy of nomad/ in a temp dir, so ansible's own files never land in the source tree. */
    static Path copyOfNomadDir(Path tmp) throws Exception {
        Path target = tmp.resolve("nomad");
        try (Stream<Path> files = Files.walk(NomadFiles.NOMAD)) {
            for (Path f : files.toList()) {
                Path t = target.resolve(NomadFiles.NOMAD.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return target;
    }

    @Test
    void playbookPassesSyntaxCheck(@TempDir Path tmp) throws Exception {
        Path ansible = copyOfNomadDir(tmp).resolve("ansible");
        Result r = run(ansible, "--syntax-check", "-i", "inventory.example.ini", "deploy.yml", "-e", "job=monitor");
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(r.output()).contains("playbook: deploy.yml");
    }

    @Test
    void syntaxCheckFailsOnAnUnknownModule(@TempDir Path tmp) throws Exception {
        Path ansible = copyOfNomadDir(tmp).resolve("ansible");
        Path tasks = ansible.resolve("roles/vault_pki_nomad/tasks/main.yml");
        Files.writeString(tasks, Files.readString(tasks)
                + "\n- name: Broken on purpose\n  community.general.no_such_module_here:\n    x: 1\n");
        Result r = run(ansible, "--syntax-check", "-i", "inventory.example.ini", "deploy.yml");
        assertThat(r.rc()).isNotZero();
        assertThat(r.output()).contains("no_such_module_here");
    }

    @Test
    void refusesAnUnknownJobBeforeCallingNomad(@TempDir Path tmp) throws Exception {
        Path ansible = copyOfNomadDir(tmp).resolve("ansible");
        Result r = run(ansible, "-i", "inventory.example.ini", "deploy.yml", "-e", "job=database",
                "-e", "vault_pki_nomad_addr=http://127.0.0.1:9");
        assertThat(r.rc()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("Pass -e job=exporter or -e job=monitor (got 'database')");
    }

    @Test
    void reportsThatItCouldNotReachNomadInsteadOfARejectionWithHttpMinusOne(@TempDir Path tmp) throws Exception {
        Path ansible = copyOfNomadDir(tmp).resolve("ansible");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();   // free again once closed: nothing listens there
        }
        String address = "http://127.0.0.1:" + closed;
        Result r = run(ansible, Map.of("NOMAD_ADDR", address, "NOMAD_TOKEN", "nomad-token-must-not-be-printed"),
                "-i", "inventory.example.ini", "deploy.yml", "-e", "job=monitor");
        assertThat(r.rc()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("could not reach Nomad at " + address + ": Request failed:")
                .contains("Connection refused")
                .doesNotContain("HTTP -1", "Nomad rejected", "nomad-token-must-not-be-printed");
        // the working directory with the rendered variables is still removed
        assertThat(r.output()).containsPattern("Remove the working directory\\]\\s*\\*+\\s*changed");
    }
}
