package io.vaultpki.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure every main module keeps: packages without cycles (each package is its own slice, the root package
 * included, so a cycle through it counts too), no source file over {@value #MAX_LINES} lines, a
 * {@code package-info.java} in every package. Cycles are found by ArchUnit on the compiled main classes.
 */
class ArchitectureTest {

    static final int MAX_LINES = 300;

    static Stream<MainModule> modules() {
        return Stream.of(new MainModule("vault-client", "io.vaultpki.client"),
                new MainModule("vault-emulator", "io.vaultpki.emulator"),
                new MainModule("monitor", "io.vaultpki.monitor"),
                new MainModule("exporter", "io.vaultpki.exporter"),
                new MainModule("app-support", "io.vaultpki.support"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void packagesFormNoCycle(MainModule module) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(module.basePackage());
        assertThat(classes).as("classes of %s", module).isNotEmpty();
        EvaluationResult result = SlicesRuleDefinition.slices().assignedFrom(byPackage(module.basePackage()))
                .should().beFreeOfCycles().evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).as("package cycles in %s", module).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void noSourceFileIsLongerThanTheLimit(MainModule module) {
        Map<String, Long> oversized = new TreeMap<>();
        for (Path file : javaFiles(module.sources())) {
            long lines = lines(file);
            if (lines > MAX_LINES) {
                oversized.put(module.sources().relativize(file).toString().replace('\\', '/'), lines);
            }
        }
        assertThat(oversized).as("files over %d lines in %s", MAX_LINES, module).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyPackageSaysWhatItIsFor(MainModule module) {
        Set<Path> packages = javaFiles(module.sources()).stream().map(Path::getParent).collect(Collectors.toSet());
        assertThat(packages).as("packages of %s without package-info.java", module)
                .filteredOn(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                .isEmpty();
    }

    /** Each package its own slice; the root package is a slice too. */
    private static SliceAssignment byPackage(String basePackage) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.equals(basePackage) && !name.startsWith(basePackage + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(name.equals(basePackage) ? "(root)" : name.substring(basePackage.length() + 1));
            }

            @Override
            public String getDescription() {
                return "packages of " + basePackage;
            }
        };
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
