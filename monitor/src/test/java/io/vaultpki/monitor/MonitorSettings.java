package io.vaultpki.monitor;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.support.startup.StartupFailures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Settings bound the way the monitor binds them: in a context that never calls Vault and runs no refresh. */
public final class MonitorSettings {

    /** A valid Vault client configuration that is never contacted, and no background refresh. */
    public static final Map<String, Object> BASE = Map.of("vault.address", "http://127.0.0.1:1",
            "vault.token", "hvs.never-sent", "vault.auth.method", "token", "monitor.refresh.enabled", "false");

    private MonitorSettings() {
    }

    /** The settings bean {@code type} as {@link #BASE} plus {@code settings} bind it. */
    public static <T> T bound(Class<T> type, Map<String, Object> settings) {
        try (ApplicationContext context = ApplicationContext.run(with(settings))) {
            return context.getBean(type);
        }
    }

    /** Why a context with {@code settings} does not start; fails the test when it does. */
    public static Throwable startFailure(Map<String, Object> settings) {
        try (ApplicationContext context = ApplicationContext.run(with(settings))) {
            throw new AssertionError("the context started with " + settings);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The one line the launcher prints when {@code settings} stop start-up (without the app's name). */
    public static String startupLine(Map<String, Object> settings) {
        return new StartupFailures(List.of(), Map.of()).explain(startFailure(settings)).message();
    }

    private static Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(BASE);
        all.putAll(settings);
        return all;
    }
}
