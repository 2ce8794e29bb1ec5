package io.vaultpki.deploy.docker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Dockerfiles, read as text (no Docker engine here): they package the jar the module's pom produces, run
 * as a numeric non-root user on a read-only root filesystem, expose and health-check what the app serves, and start
 * the JVM with the one flags file of both images ({@link JvmOptions}) and a class archive trained at build time.
 */
class DockerfileTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Pattern IMAGE_REFERENCE = Pattern.compile("ghcr\\.io/vault-pki/([a-z0-9._-]+)");

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void baseIsAPinnedTemurin17JreTag(String module) throws IOException {
        String from = dockerfile(module).last("FROM");

        // a full release (17.0.x_y), optionally with its digest; never the moving 17-jre or latest
        assertThat(from).matches("eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void userIsNumericAndNotRoot(String module) throws IOException {
        String user = dockerfile(module).last("USER");

        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Arrays.stream(user.split(":")).mapToInt(Integer::parseInt)).allSatisfy(id -> assertThat(id).isEqualTo(65532));
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void copiesTheJarTheModulePomProduces(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        String artifactId = firstGroup("</parent>\\s*<artifactId>([^<]+)</artifactId>", pom);
        String outputFile = firstGroup("<outputFile>([^<]+)</outputFile>", pom)
                .replace("${project.build.directory}", "target")
                .replace("${project.artifactId}", artifactId);

        assertThat(outputFile).isEqualTo("target/vault-pki-" + module + "-all.jar");
        assertThat(dockerfile(module).all("COPY")).containsExactly(outputFile + " /app/app.jar",
                "target/jvm.options /app/jvm.options");
        assertThat(dockerfile(module).last("WORKDIR")).isEqualTo("/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void theBuildContextSendsExactlyWhatTheDockerfileCopies(String module) throws IOException {
        List<String> rules = Files.readAllLines(ROOT.resolve(module).resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> copied = dockerfile(module).all("COPY").stream().map(copy -> copy.split("\\s+")[0]).toList();

        // everything is ignored except the files the COPY instructions name
        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size())).containsExactlyInAnyOrderElementsOf(
                copied.stream().map(source -> "!" + source).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void entrypointRunsTheJarWithTheImagesJvmOptionsAndClassArchive(String module) throws IOException {
        assertThat(dockerfile(module).last("ENTRYPOINT")).isEqualTo("[\"java\", \"@/app/jvm.options\", "
                + "\"-XX:SharedArchiveFile=/app/app.jsa\", \"-jar\", \"/app/app.jar\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void jvmOptionsAreOneFileForBothImagesThatThePomCopiesBesideTheJar(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));

        assertThat(JvmOptions.SOURCE).isRegularFile();
        assertThat(pom).contains("<id>container-jvm-options</id>", "<goal>copy-resources</goal>",
                "<outputDirectory>${project.build.directory}</outputDirectory>",
                "<directory>${project.basedir}/../" + ROOT.relativize(JvmOptions.SOURCE.getParent()) + "</directory>",
                "<include>jvm.options</include>");
        // no second copy of the flags next to the Dockerfile or in it
        assertThat(ROOT.resolve(module).resolve("jvm.options")).doesNotExist();
        assertThat(String.join(" ", dockerfile(module).all("ENTRYPOINT"))).doesNotContain("-XX:MaxRAMPercentage");
    }

    @org.junit.jupiter.api.Test
    void jvmOptionsSizeTheHeapFromTheLimitAndExitOnOutOfMemory() {
        JvmOptions options = JvmOptions.read();

        assertThat(options.flags()).isNotEmpty().allSatisfy(flag -> assertThat(flag).startsWith("-"));
        assertThat(options.flags()).contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        // the heap follows the container's memory limit: no fixed size that a larger limit would not raise
        assertThat(options.flags()).noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms")
                || flag.startsWith("-XX:MaxHeapSize") || flag.startsWith("-XX:MaxRAM="));
        assertThat(options.maxRamPercentage()).isBetween(10.0, 60.0);
        // the archive belongs to the Dockerfile: its training start writes it, the entrypoint maps it
        assertThat(options.flags()).noneMatch(flag -> flag.contains("SharedArchiveFile") || flag.contains("ArchiveClassesAtExit"));
    }

    @org.junit.jupiter.api.Test
    void theJvmAcceptsEveryFlagOfTheImages() throws IOException, InterruptedException {
        // the images run Temurin 17 (baseIsAPinnedTemurin17JreTag) and the build runs on a JDK 17: a flag this JVM
        // does not know (a typo, or one of a later JDK) would stop every container at start
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JvmOptions.SOURCE, "-version").redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(output).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized", "Ignoring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void aTrainingStartAtBuildTimeWritesTheClassArchiveTheEntrypointMaps(String module) throws IOException {
        Dockerfile file = dockerfile(module);
        String training = trainingRun(file);
        ServerPort port = defaultPort(module);

        // the same flags and the same -jar as the entrypoint: with another class path the JVM ignores the archive
        assertThat(training).contains("java @/app/jvm.options ", "-XX:ArchiveClassesAtExit=/app/app.jsa",
                "-jar /app/app.jar");
        // the JRE's base archive first (the dynamic one extends it; not every JRE ships it)
        assertThat(training).contains("[ -f \"$JAVA_HOME/lib/server/classes.jsa\" ] || java -Xshare:dump");
        // started on its own port, trained up to its health check, stopped, and an archive was written
        assertThat(training).contains(port.variable() + "=" + port.port(),
                "http://127.0.0.1:" + port.port() + "/health/liveness", "kill \"$pid\"", "test -s /app/app.jsa");
        // nothing left in /tmp, which is a volume at run time
        assertThat(training).contains("-Djava.io.tmpdir=/tmp/cds-training").endsWith("rm -rf /tmp/cds-training");

        // after both files it reads, as root before USER, and before the volumes (a volume drops what later steps write)
        List<Dockerfile.Instruction> steps = file.instructions();
        int run = indexOf(steps, "RUN", training);
        assertThat(indexOf(steps, "COPY", "target/jvm.options /app/jvm.options")).isLessThan(run);
        assertThat(indexOf(steps, "COPY", "target/vault-pki-" + module + "-all.jar /app/app.jar")).isLessThan(run);
        assertThat(run).isLessThan(indexOf(steps, "USER", file.last("USER")))
                .isLessThan(indexOf(steps, "VOLUME", "/tmp"));
    }

    @org.junit.jupiter.api.Test
    void theExportersTrainingStartWritesNothingUnderTheExportRoot() throws IOException {
        String training = trainingRun(dockerfile("exporter"));

        assertThat(training).contains("CERT_EXPORT_PATH=/tmp/cds-training/exports").doesNotContain("/exported-certs");
    }

    private static String trainingRun(Dockerfile file) {
        List<String> runs = file.all("RUN").stream().filter(r -> r.contains("-XX:ArchiveClassesAtExit=")).toList();
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static int indexOf(List<Dockerfile.Instruction> steps, String keyword, String arguments) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).keyword().equals(keyword) && steps.get(i).arguments().equals(arguments)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword + " " + arguments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void exposesTheAppsDefaultPort(String module) throws IOException {
        String port = defaultPort(module).port();

        assertThat(dockerfile(module).last("EXPOSE").split("\\s+")).contains(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void healthcheckCallsLivenessOnTheAppsPort(String module) throws IOException {
        String healthcheck = dockerfile(module).last("HEALTHCHECK");
        ServerPort port = defaultPort(module);

        assertThat(healthcheck).contains("CMD ").contains("--timeout=");
        assertThat(healthcheck).contains("http://127.0.0.1:").contains("/health/liveness")
                .contains("${" + port.variable() + ":-" + port.port() + "}");
        // the app serves it: the health endpoint is enabled and the module's own tests call this path
        assertThat(healthEndpointEnabled(module)).isTrue();
        assertThat(moduleTestsMention(module, "\"/health/liveness\"")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void tmpIsAVolumeForAReadOnlyRootFilesystem(String module) throws IOException {
        assertThat(dockerfile(module).all("VOLUME")).contains("/tmp");
    }

    @org.junit.jupiter.api.Test
    void exporterKeepsItsExportDirectoryInAVolumeItOwns() throws IOException {
        Dockerfile exporter = dockerfile("exporter");
        // the export root's default, which exporter.path binds (config/ExporterConfiguration) and the layout spells
        String appDefault = firstGroup("String DEFAULT_ROOT = \"([^\"]+)\";", Files.readString(ROOT.resolve(
                "exporter/src/main/java/io/vaultpki/exporter/layout/ExportLayout.java")));

        assertThat(appDefault).isEqualTo("/exported-certs");
        assertThat(exporter.all("ENV")).contains("CERT_EXPORT_PATH=" + appDefault);
        assertThat(exporter.all("VOLUME")).contains(appDefault);
        assertThat(exporter.all("RUN")).anySatisfy(run -> assertThat(run).contains("chown 65532:65532 " + appDefault));
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void ociLabelsNameTheImage(String module) throws IOException {
        String labels = String.join(" ", dockerfile(module).all("LABEL"));

        assertThat(labels).contains("org.opencontainers.image.title=\"vault-pki-" + module + "\"",
                "org.opencontainers.image.version=", "org.opencontainers.image.revision=",
                "org.opencontainers.image.description=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor", "exporter"})
    void docsBuildTheImageUnderItsNameFromTheModuleDirectory(String module) throws IOException {
        String image = "ghcr.io/vault-pki/vault-pki-" + module + ":0.1.0";

        assertThat(Files.readString(ROOT.resolve("docs/containers.md")))
                .contains("docker build -t " + image + " \\")
                .containsPattern("docker build -t " + Pattern.quote(image) + " \\\\\\n.*" + module + "/\\n");
        assertThat(Files.readString(ROOT.resolve(module).resolve("Dockerfile")))
                .contains("docker build -t " + image + " " + module + "/");
    }

    @org.junit.jupiter.api.Test
    void everyImageReferenceInTheRepositoryIsOneOfTheTwoImages() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !ROOT.relativize(f).toString().matches("(\\.git|.*/target|target|\\.mvn)(/.*)?"))
                    .filter(f -> f.toString().matches(".*\\.(md|ya?ml|hcl|tpl|txt|json)$") || f.getFileName().toString().equals("Dockerfile"))
                    .toList();
        }
        int references = 0;
        for (Path file : files) {
            Matcher m = IMAGE_REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                references++;
                assertThat(m.group(1)).as("%s", ROOT.relativize(file)).isIn("vault-pki-monitor", "vault-pki-exporter");
            }
        }
        assertThat(references).isGreaterThanOrEqualTo(4);
    }

    record ServerPort(String variable, String port) {
    }

    /** micronaut.server.port of the app's application.yml: "${MONITOR_PORT:8080}". */
    @SuppressWarnings("unchecked")
    static ServerPort defaultPort(String module) throws IOException {
        Map<String, Object> yml = applicationYml(module);
        String port = String.valueOf(((Map<String, Object>) ((Map<String, Object>) yml.get("micronaut")).get("server")).get("port"));
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):(\\d+)}").matcher(port);
        assertThat(m.matches()).as(port).isTrue();
        return new ServerPort(m.group(1), m.group(2));
    }

    @SuppressWarnings("unchecked")
    static boolean healthEndpointEnabled(String module) throws IOException {
        Map<String, Object> endpoints = (Map<String, Object>) applicationYml(module).get("endpoints");
        return Boolean.TRUE.equals(((Map<String, Object>) endpoints.get("health")).get("enabled"));
    }

    static boolean moduleTestsMention(String module, String text) throws IOException {
        try (Stream<Path> tests = Files.walk(ROOT.resolve(module).resolve("src/test/java"))) {
            return tests.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static Map<String, Object> applicationYml(String module) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
    }

    static Dockerfile dockerfile(String module) throws IOException {
        return Dockerfile.parse(ROOT.resolve(module).resolve("Dockerfile"));
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the text", regex).isTrue();
        return m.group(1);
    }
}
