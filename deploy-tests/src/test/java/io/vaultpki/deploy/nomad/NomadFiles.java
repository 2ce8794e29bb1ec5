package io.vaultpki.deploy.nomad;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paths of the Nomad artefacts and hcl4j helpers that hide its shape quirks (one block: a map, several: a list). */
final class NomadFiles {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path NOMAD = ROOT.resolve("nomad");
    static final Path MONITOR_JOB = NOMAD.resolve("vault-pki-monitor.nomad.hcl");
    static final Path EXPORTER_JOB = NOMAD.resolve("vault-pki-exporter.nomad.hcl");
    static final Path ANSIBLE = NOMAD.resolve("ansible");
    static final Path PRESTART_EXAMPLE = NOMAD.resolve("examples/vault-pki-exporter-prestart.nomad.hcl");

    private NomadFiles() {
    }

    static Map<String, Object> parse(Path file) throws Exception {
        return new HCLParser().parse(new File(file.toString()), "UTF-8");
    }

    /** A block that may appear once (map) or several times (list), as a list of maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            out.add((Map<String, Object>) m);
        } else if (value instanceof List<?> l) {
            l.forEach(e -> out.addAll(blocks(e)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        List<Map<String, Object>> b = blocks(value);
        if (b.size() != 1) {
            throw new AssertionError("expected exactly one block, got " + b.size() + ": " + value);
        }
        return b.get(0);
    }

    /** job -> group -> task of a job file with one group and one task. */
    static Map<String, Object> job(Map<String, Object> parsed, String name) {
        return map(map(parsed.get("job")).get(name));
    }

    static Map<String, Object> onlyChild(Object labelled) {
        Map<String, Object> byLabel = map(labelled);
        if (byLabel.size() != 1) {
            throw new AssertionError("expected one labelled block, got " + byLabel.keySet());
        }
        return map(byLabel.values().iterator().next());
    }
}
