package io.vaultpki.exporter.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.vaultpki.exporter.failure.VaultReachability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/status}: whether the exporter's last Vault call was answered, for the status page. Read scope
 * (the authentication filter); names no export, so the allow-list does not apply.
 */
@Controller("/api/v1/status")
public class StatusController {

    private final VaultReachability vault;

    public StatusController(VaultReachability vault) {
        this.vault = vault;
    }

    @Get
    public HttpResponse<String> status() {
        VaultReachability.State state = vault.state();
        Map<String, Object> reach = new LinkedHashMap<>();
        reach.put("reachable", state.reachable());
        reach.put("since", state.since() == null ? null : state.since().toString());
        reach.put("reason", state.reason() == null ? null : state.reason().label());
        return HttpResponse.ok(ApiJson.write(Map.of("vault", reach))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
