package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.pki.PkiVersion.Feature;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PKI engine's route table: path pattern + operation → endpoint, first match wins, as Vault's
 * {@code framework.Path} list does for the PKI backend
 * (https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/backend.go, {@code Paths}). A path that matches
 * with another operation is {@code 405 unsupported operation} (a read route also takes HEAD); a path that matches
 * nothing is {@code 404 unsupported path}. Routes of a feature the emulated version lacks ({@link PkiVersion}:
 * multi-issuer 1.11, delta CRLs and auto-tidy 1.12, cluster config 1.13, ACME 1.14) are left out, so they answer as
 * that version's router does.
 */
final class PkiRoutes {

    /** Vault's {@code framework.GenericNameRegex}, for issuer refs and role names. */
    private static final String NAME = "\\w(([\\w.-]+)?\\w)?";
    private static final String SERIAL = Serials.PATTERN;

    private record Route(Pattern path, Operation operation, Feature feature,
                         BiFunction<EmulatorRequest, Matcher, EmulatorResponse> endpoint) {
    }

    private final PkiStore store;
    private final PkiVersion version;
    private final List<Route> table;

    PkiRoutes(PkiStore store, PkiVersion version, IssuerReads issuers, CertificateReads certificates,
              Issuance issuance, Revocation revocation, MountConfigReads config, HealthConfigReads health,
              KeyReads keys) {
        this.store = store;
        this.version = version;
        var roleWrites = new RoleWrites(store);
        this.table = List.of(
                multiIssuer("issuers", Operation.LIST, (r, m) -> issuers.list(r)),
                multiIssuer("issuer/(?<ref>" + NAME + ")", Operation.READ, (r, m) -> issuers.read(m.group("ref"))),
                multiIssuer("issuer/(?<ref>" + NAME + ")/(?<format>json|pem|der)", Operation.READ,
                        (r, m) -> issuers.raw(r, m.group("ref"), m.group("format"))),
                multiIssuer("issuer/(?<ref>" + NAME + ")/crl", Operation.READ,
                        (r, m) -> issuers.issuerCrl(r, m.group("ref"), "json", false)),
                multiIssuer("issuer/(?<ref>" + NAME + ")/crl/(?<format>pem|der)", Operation.READ,
                        (r, m) -> issuers.issuerCrl(r, m.group("ref"), m.group("format"), false)),
                since(Feature.DELTA_CRL, "issuer/(?<ref>" + NAME + ")/crl/delta", Operation.READ,
                        (r, m) -> issuers.issuerCrl(r, m.group("ref"), "json", true)),
                since(Feature.DELTA_CRL, "issuer/(?<ref>" + NAME + ")/crl/delta/(?<format>pem|der)", Operation.READ,
                        (r, m) -> issuers.issuerCrl(r, m.group("ref"), m.group("format"), true)),
                multiIssuer("keys", Operation.LIST, (r, m) -> keys.list(r)),
                multiIssuer("key/(?<ref>" + NAME + ")", Operation.READ, (r, m) -> keys.read(m.group("ref"))),
                multiIssuer("issuer/(?<ref>" + NAME + ")/(?<verb>issue|sign)/(?<role>" + NAME + ")", Operation.UPDATE,
                        (r, m) -> issuance.handle(r, m.group("role"), m.group("ref"), m.group("verb").equals("sign"))),
                route("cert/ca", Operation.READ, (r, m) -> issuers.certCa(r, false)),
                route("cert/ca_chain", Operation.READ, (r, m) -> issuers.certCa(r, true)),
                route("cert/crl", Operation.READ, (r, m) -> issuers.defaultCrl(r, "json", false)),
                route("cert/ca/raw", Operation.READ, (r, m) -> issuers.caRaw(r, "der")),
                route("cert/ca/raw/pem", Operation.READ, (r, m) -> issuers.caRaw(r, "pem")),
                route("cert/(?<serial>" + SERIAL + ")", Operation.READ,
                        (r, m) -> certificates.read(m.group("serial"))),
                route("cert/(?<serial>" + SERIAL + ")/raw", Operation.READ,
                        (r, m) -> certificates.raw(m.group("serial"), false)),
                route("cert/(?<serial>" + SERIAL + ")/raw/pem", Operation.READ,
                        (r, m) -> certificates.raw(m.group("serial"), true)),
                route("ca", Operation.READ, (r, m) -> issuers.caRaw(r, "der")),
                route("ca/pem", Operation.READ, (r, m) -> issuers.caRaw(r, "pem")),
                route("ca_chain", Operation.READ, (r, m) -> issuers.caRaw(r, "chain")),
                route("crl", Operation.READ, (r, m) -> issuers.defaultCrl(r, "der", false)),
                route("crl/pem", Operation.READ, (r, m) -> issuers.defaultCrl(r, "pem", false)),
                since(Feature.DELTA_CRL, "crl/delta", Operation.READ, (r, m) -> issuers.defaultCrl(r, "der", true)),
                since(Feature.DELTA_CRL, "crl/delta/pem", Operation.READ,
                        (r, m) -> issuers.defaultCrl(r, "pem", true)),
                route("certs", Operation.LIST, (r, m) -> certificates.list(r)),
                route("certs/revoked", Operation.LIST, (r, m) -> certificates.listRevoked(r)),
                route("(?<verb>issue|sign)/(?<role>" + NAME + ")", Operation.UPDATE,
                        (r, m) -> issuance.handle(r, m.group("role"), null, m.group("verb").equals("sign"))),
                route("revoke", Operation.UPDATE, (r, m) -> revocation.handle(r)),
                route("roles", Operation.LIST, (r, m) -> config.listRoles(r)),
                route("roles/(?<name>" + NAME + ")", Operation.READ, (r, m) -> config.readRole(m.group("name"))),
                route("roles/(?<name>" + NAME + ")", Operation.UPDATE, (r, m) -> roleWrites.write(r, m.group("name"))),
                route("roles/(?<name>" + NAME + ")", Operation.DELETE, (r, m) -> roleWrites.delete(m.group("name"))),
                multiIssuer("config/issuers", Operation.READ, (r, m) -> issuers.configIssuers()),
                route("config/urls", Operation.READ, (r, m) -> config.urls()),
                route("config/crl", Operation.READ, (r, m) -> health.crlConfig()),
                since(Feature.AUTO_TIDY, "config/auto-tidy", Operation.READ, (r, m) -> health.autoTidy()),
                since(Feature.CLUSTER_CONFIG, "config/cluster", Operation.READ, (r, m) -> health.cluster()),
                since(Feature.ACME, "config/acme", Operation.READ, (r, m) -> health.acme()),
                route("tidy-status", Operation.READ, (r, m) -> health.tidyStatus()));
    }

    /**
     * Runs the first route whose pattern matches the relative path and that takes the operation; a path some route
     * matches with other operations only is 405.
     */
    EmulatorResponse dispatch(EmulatorRequest request) {
        boolean pathKnown = false;
        for (Route route : table) {
            if (!version.has(route.feature(), store.legacy())) {
                continue;
            }
            Matcher matcher = route.path().matcher(request.relativePath());
            if (matcher.matches()) {
                if (takes(route.operation(), request.operation())) {
                    return route.endpoint().apply(request, matcher);
                }
                pathKnown = true;
            }
        }
        return pathKnown ? Backend.unsupportedOperation() : Backend.unsupportedPath();
    }

    private static boolean takes(Operation expected, Operation actual) {
        return actual == expected || (expected == Operation.READ && actual == Operation.HEAD);
    }

    private static Route route(String pattern, Operation operation,
                               BiFunction<EmulatorRequest, Matcher, EmulatorResponse> endpoint) {
        return since(Feature.BASE, pattern, operation, endpoint);
    }

    private static Route multiIssuer(String pattern, Operation operation,
                                     BiFunction<EmulatorRequest, Matcher, EmulatorResponse> endpoint) {
        return since(Feature.MULTI_ISSUER, pattern, operation, endpoint);
    }

    /** A route of a feature some Vault versions lack ({@link PkiVersion}). */
    private static Route since(Feature feature, String pattern, Operation operation,
                               BiFunction<EmulatorRequest, Matcher, EmulatorResponse> endpoint) {
        return new Route(Pattern.compile(pattern), operation, feature, endpoint);
    }
}
