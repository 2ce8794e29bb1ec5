package io.vaultpki.monitor.ui;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.testkit.Await;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's demo as a user runs it: the demo Vault (emulator) and the monitor as Micronaut starts it, on a random
 * port, after its first refresh including the health checks.
 */
final class DemoMonitor implements AutoCloseable {

    private final DemoVault demo;
    private final EmbeddedServer server;

    private DemoMonitor(DemoVault demo, EmbeddedServer server) {
        this.demo = demo;
        this.server = server;
    }

    static DemoMonitor start() {
        DemoVault demo = DemoVault.start();
        try {
            Map<String, Object> settings = new HashMap<>(demo.settings());
            settings.put("micronaut.server.port", -1);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
            SnapshotHolder holder = server.getApplicationContext().getBean(SnapshotHolder.class);
            Await.until("the demo's first refresh with health checks", Duration.ofSeconds(30),
                    () -> holder.current().engines().size() == 3
                            && holder.current().engines().stream().allMatch(e -> e.health().isPresent()));
            return new DemoMonitor(demo, server);
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
    }

    URI uri(String path) {
        return server.getURI().resolve(path);
    }

    PkiSnapshot snapshot() {
        return server.getApplicationContext().getBean(SnapshotHolder.class).current();
    }

    /** The demo's issuer IDs, least time left first (ties by engine then ID, as the page orders them). */
    List<String> issuerIdsByTimeLeft() {
        record Row(String engine, IssuerInfo issuer) {
        }
        return snapshot().engines().stream().flatMap(e -> e.issuers().stream().map(i -> new Row(e.engine(), i)))
                .sorted(Comparator.comparing((Row r) -> r.issuer().notAfter().getEpochSecond())
                        .thenComparing(Row::engine).thenComparing(r -> r.issuer().id()))
                .map(r -> r.issuer().id()).toList();
    }

    /** The AppRole secret ID the monitor logs in with: must never show. */
    String secretId() {
        return (String) demo.settings().get("vault.auth.secret-id");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            demo.close();
        }
    }
}
