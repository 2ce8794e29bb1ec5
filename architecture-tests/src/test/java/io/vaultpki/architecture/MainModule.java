package io.vaultpki.architecture;

import java.nio.file.Path;

/**
 * A main module whose structure is checked.
 *
 * @param directory   the module's directory beside this one
 * @param basePackage its root package
 */
record MainModule(String directory, String basePackage) {

    Path sources() {
        return Path.of("..", directory, "src", "main", "java").resolve(basePackage.replace('.', '/'));
    }

    @Override
    public String toString() {
        return directory;
    }
}
