package io.vaultpki.exporter.spec;

import java.time.Duration;
import java.util.List;

/**
 * A command run once after each switch of an export's files: an argv array, never a shell unless the user writes
 * {@code sh -c} explicitly.
 *
 * @param command argv, at least one element
 * @param timeout how long the command may run before it is killed (default 30 s)
 */
public record HookSpec(List<String> command, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public HookSpec {
        command = List.copyOf(command);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
