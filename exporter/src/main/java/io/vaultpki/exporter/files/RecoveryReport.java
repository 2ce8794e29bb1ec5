package io.vaultpki.exporter.files;

import java.util.List;

/**
 * What {@link ExportStore#recover()} did at start-up.
 *
 * @param removedTempDirs   leftovers of interrupted writes ({@code <export>/.tmp-*}, {@code <export>/..data_tmp})
 * @param repointedExports  exports whose {@code ..data} was missing or dangling and now points at an intact version
 * @param brokenExports     exports with no intact version at all (the next write repairs them)
 */
public record RecoveryReport(List<String> removedTempDirs, List<String> repointedExports, List<String> brokenExports) {

    public RecoveryReport {
        removedTempDirs = List.copyOf(removedTempDirs);
        repointedExports = List.copyOf(repointedExports);
        brokenExports = List.copyOf(brokenExports);
    }
}
