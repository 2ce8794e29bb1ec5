package io.vaultpki.monitor.refresh;

import io.vaultpki.client.failure.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Warns once per engine and reason while a failure lasts, so a long outage does not flood the log. */
final class EngineFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(PkiRefresher.class);

    private final Set<List<String>> logged = ConcurrentHashMap.newKeySet();

    void log(EngineSnapshot engine) {
        if (engine.errors().isEmpty()) {
            logged.removeIf(key -> key.get(0).equals(engine.engine()));
            return;
        }
        for (RefreshError error : engine.errors()) {
            // an unparsable object is its own finding (one line per path); other failures once per reason
            boolean unparsable = error.reason() == FailureReason.PARSE_ERROR && !error.path().isEmpty();
            if (logged.add(List.of(engine.engine(), error.reason().label(), unparsable ? error.path() : ""))) {
                if (unparsable && engine.up()) {
                    LOG.warn("Refresh of engine {}: {} could not be read ({}): {}; left out, the rest of the engine"
                            + " is up", engine.engine(), error.path(), error.reason().label(), error.message());
                } else {
                    LOG.warn("Refresh of engine {} failed ({}): {}; keeping its last data", engine.engine(),
                            error.reason().label(), error.message());
                }
            }
        }
    }
}
