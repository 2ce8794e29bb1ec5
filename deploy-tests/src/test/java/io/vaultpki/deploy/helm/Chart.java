package io.vaultpki.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One of the repository's Helm charts, rendered and linted in-process by helm-java (Helm 3 as a native library), with
 * the output parsed into Kubernetes objects (maps) so tests assert on structure, not on text.
 */
final class Chart {

    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    static final String RELEASE = "vault-pki-monitor";
    static final String NAMESPACE = "observability";
    // helm template assumes Kubernetes 1.20 without a cluster; the charts need 1.23+ (autoscaling, seccomp fields).
    static final String KUBE_VERSION = "1.30.0";

    static final Chart MONITOR = new Chart("vault-pki-monitor");
    static final Chart EXPORTER = new Chart("vault-pki-exporter");

    final String name;
    final Path dir;

    private Chart(String name) {
        this.name = name;
        this.dir = REPOSITORY.resolve("charts").resolve(name);
    }

    /** Renders with the default values and the given `--set` pairs (key, value, key, value, ...). */
    Rendered render(Object... sets) {
        return render(null, sets);
    }

    /** Renders with a values file (null: none) and the given `--set` pairs. */
    Rendered render(Path valuesFile, Object... sets) {
        return render(t -> {
            TemplateCommand command = valuesFile == null ? t : t.withValuesFile(valuesFile);
            for (int i = 0; i < sets.length; i += 2) {
                command = command.set(String.valueOf(sets[i]), sets[i + 1]);
            }
            return command;
        });
    }

    Rendered render(UnaryOperator<TemplateCommand> options) {
        String yaml = options.apply(new Helm(dir).template().withName(name).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION)).call();
        return new Rendered(yaml);
    }

    /**
     * The NOTES.txt a `helm install` would print, from a client-only dry run (no cluster) with a values file (null:
     * none) and `--set` pairs.
     */
    String notes(Path valuesFile, Object... sets) {
        InstallCommand install = new Helm(dir).install().withName(name).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).clientOnly().dryRun();
        if (valuesFile != null) {
            install = install.withValuesFile(valuesFile);
        }
        for (int i = 0; i < sets.length; i += 2) {
            install = install.set(String.valueOf(sets[i]), sets[i + 1]);
        }
        String output = install.call().getOutput();
        int notes = output.indexOf("NOTES:");
        return notes < 0 ? "" : output.substring(notes);
    }

    LintResult lint() {
        return new Helm(dir).lint().strict().call();
    }

    /** The chart's ci/*-values.yaml scenarios. */
    List<Path> ciValues() {
        try (Stream<Path> files = Files.list(dir.resolve("ci"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The objects of one `helm template` run. */
    static final class Rendered {
        final String yaml;
        final List<Map<String, Object>> objects = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Rendered(String yaml) {
            this.yaml = yaml;
            for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
                if (document instanceof Map<?, ?> map) {
                    objects.add((Map<String, Object>) map);
                }
            }
        }

        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }

        List<Map<String, Object>> all(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        /** The only object of this kind; fails when there is none or more than one. */
        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = all(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + " but found " + found.size() + " in " + kinds());
            }
            return found.get(0);
        }

        boolean has(String kind) {
            return !all(kind).isEmpty();
        }

        Map<String, Object> container() {
            List<Map<String, Object>> containers = at(one("Deployment"), "spec.template.spec.containers");
            return containers.get(0);
        }

        /** Container env as name → entry (value or valueFrom), in order. */
        Map<String, Map<String, Object>> env() {
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            List<Map<String, Object>> list = at(container(), "env");
            for (Map<String, Object> entry : list == null ? List.<Map<String, Object>>of() : list) {
                env.put((String) entry.get("name"), entry);
            }
            return env;
        }

        String envValue(String name) {
            Map<String, Object> entry = env().get(name);
            return entry == null ? null : (String) entry.get("value");
        }

        List<Map<String, Object>> volumes() {
            return at(one("Deployment"), "spec.template.spec.volumes");
        }

        Map<String, Object> volume(String name) {
            return volumes().stream().filter(v -> name.equals(v.get("name"))).findFirst().orElse(null);
        }

        Map<String, Object> volumeMount(String name) {
            List<Map<String, Object>> mounts = at(container(), "volumeMounts");
            return mounts.stream().filter(v -> name.equals(v.get("name"))).findFirst().orElse(null);
        }
    }

    /** Follows a dotted path of map keys ("spec.template.spec"); null when a step is missing. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }
}
