package io.vaultpki.deploy.helm;

import io.vaultpki.deploy.docker.JvmOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' default resources fit what the bench measured under the images' JVM flags (docs/benchmark.md): the
 * memory limit leaves the JVM its share outside the heap, and the request is not above the limit.
 */
class DefaultResourcesTest {

    static Stream<Chart> charts() {
        return Stream.of(Chart.MONITOR, Chart.EXPORTER);
    }

    @ParameterizedTest
    @MethodSource("charts")
    @SuppressWarnings("unchecked")
    void theDefaultMemoryLimitLeavesTheJvmItsShareOutsideTheHeap(Chart chart) {
        Map<String, Object> resources = (Map<String, Object>) chart.render().container().get("resources");
        int limit = mebibytes(((Map<String, Object>) resources.get("limits")).get("memory"));
        int request = mebibytes(((Map<String, Object>) resources.get("requests")).get("memory"));

        assertThat(JvmOptions.read().nonHeapMiB(limit)).as("MiB outside the heap under a %d MiB limit", limit)
                .isGreaterThanOrEqualTo(JvmOptions.NON_HEAP_MIB);
        assertThat(request).isLessThanOrEqualTo(limit);
    }

    private static int mebibytes(Object quantity) {
        String text = String.valueOf(quantity);
        assertThat(text).as("a quantity in Mi").matches("\\d+Mi");
        return Integer.parseInt(text.substring(0, text.length() - 2));
    }
}
