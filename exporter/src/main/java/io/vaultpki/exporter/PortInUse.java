package io.vaultpki.exporter;

import java.net.BindException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line the exporter ends with when its HTTP port is taken. The port is bound before the exporter touches
 * the export directory or Vault, so the line can promise that nothing was issued or written.
 */
final class PortInUse {

    // Micronaut's ServerStartupException says "Unable to start Micronaut server on *:8082"
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})\\s*$");

    private PortInUse() {
    }

    /** The message for {@code failure} when its cause chain holds a {@link BindException}; empty otherwise. */
    static Optional<String> message(Throwable failure) {
        String port = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (port == null && t.getMessage() != null) {
                Matcher m = PORT.matcher(t.getMessage());
                port = m.find() ? m.group(1) : null;
            }
            if (t instanceof BindException) {
                return Optional.of("vault-pki-exporter cannot listen on " + (port == null ? "its HTTP port" : "port " + port)
                        + ": the address is already in use; set EXPORTER_PORT (or micronaut.server.port) to a free port. "
                        + "Nothing was issued or written.");
            }
        }
        return Optional.empty();
    }
}
