package io.vaultpki.exporter.files;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ExportStore#recover()} did at start-up.
 *
 * @param removedTempDirs   leftovers of interrupted writes ({@code <export>/.tmp-*}, {@code <export>/..data_tmp})
 * @param repointedExports  exports whose {@code ..data} was missing or dangling and now points at an intact version
 * @param brokenExports     exports with no intact version at all (the next write repairs them)
 * @param currentVersions   export → metadata of its current version, for every export directory recovery read and
 *                          found intact; start-up adopts these without reading the files a second time
 */
public record RecoveryReport(List<String> removedTempDirs, List<String> repointedExports, List<String> brokenExports,
                             Map<String, ExportMetadata> currentVersions) {

    public RecoveryReport {
        removedTempDirs = List.copyOf(removedTempDirs);
        repointedExports = List.copyOf(repointedExports);
        brokenExports = List.copyOf(brokenExports);
        currentVersions = Map.copyOf(currentVersions);
    }

    /**
     * The metadata of {@code export}'s current version as recovery checked it, or empty when recovery did not find
     * it intact (no directory, no intact version, or not recovered): then only a read of the store can tell.
     */
    public Optional<ExportMetadata> checkedCurrent(String export) {
        return Optional.ofNullable(currentVersions.get(export));
    }
}
