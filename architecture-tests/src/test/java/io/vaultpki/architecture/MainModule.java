package io.vaultpki.architecture;

import java.nio.file.Path;
import java.util.Set;

/**
 * A main module whose structure is checked, with what it is still allowed while issue 11's re-cut is under way.
 * The allowances only shrink: a module listed as having cycles must still have them, a listed class must still be
 * over the limit, so the table cannot go stale.
 *
 * @param directory      the module's directory beside this one
 * @param basePackage    its root package
 * @param cyclesAllowed  whether its packages may still form cycles
 * @param oversized      source files (relative to {@code src/main/java/<basePackage>}) still allowed over the limit
 */
record MainModule(String directory, String basePackage, boolean cyclesAllowed, Set<String> oversized) {

    Path sources() {
        return Path.of("..", directory, "src", "main", "java").resolve(basePackage.replace('.', '/'));
    }

    @Override
    public String toString() {
        return directory;
    }
}
