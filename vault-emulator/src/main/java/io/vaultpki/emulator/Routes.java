package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.NamespacePath;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The emulator's HTTP route table: method + path pattern → handler, looked up in order, first match wins. It is the
 * emulator's copy of the {@code ServeMux} that Vault's {@code handler()} fills
 * (https://github.com/hashicorp/vault/blob/main/http/handler.go): the node endpoints {@code sys/health},
 * {@code sys/seal-status} and {@code sys/leader} have handlers of their own, everything else under {@code /v1/}
 * goes to the logical handler, which finds the mount by longest prefix (Vault's {@code vault/router.go}).
 * A path that matches with a method the route does not take is a 405 with no errors.
 */
final class Routes {

    /** What a route runs. */
    @FunctionalInterface
    interface Handler {
        RenderedResponse handle(IncomingRequest request) throws IOException;
    }

    /**
     * One row of the table.
     *
     * @param pattern        which trimmed paths (no {@code /v1/}, no leading or trailing slash) the route answers
     * @param methods        HTTP methods it takes
     * @param rootNamespaceOnly OpenBao refuses the route with a namespace header (its
     *                       {@code restrictedSysAPIsNonLogical}, checked before the method): {@code sys/health}
     *                       only; {@code seal-status} and {@code leader} are not in that list (it matches whole path
     *                       segments, so {@code seal} does not cover {@code seal-status}) and answer as without
     *                       the header (https://github.com/openbao/openbao/blob/main/internal/http/handler.go,
     *                       {@code HasPathSegments} in sdk/helper/pathmanager/pathmanager.go)
     * @param handler        the answer
     */
    record Route(Predicate<String> pattern, Set<String> methods, boolean rootNamespaceOnly, Handler handler) {

        static Route node(String path, Set<String> methods, boolean rootNamespaceOnly, Handler handler) {
            return new Route(path::equals, methods, rootNamespaceOnly, handler);
        }

        static Route everything(Set<String> methods, Handler handler) {
            return new Route(path -> true, methods, false, handler);
        }
    }

    /** The methods Vault's logical layer knows (https://developer.hashicorp.com/vault/api-docs#api-operations). */
    static final Set<String> LOGICAL_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "LIST", "PATCH");

    private final Flavor flavor;
    private final Namespaces namespaces;
    private final ResponseRenderer renderer;
    private final List<Route> table;

    Routes(Flavor flavor, Namespaces namespaces, ResponseRenderer renderer, NodeEndpoints node,
           LogicalHandler logical) {
        this.flavor = flavor;
        this.namespaces = namespaces;
        this.renderer = renderer;
        this.table = List.of(
                Route.node("sys/health", Set.of("GET", "HEAD"), true,
                        request -> node.health(request.query(), request.method().equals("HEAD"))),
                Route.node("sys/seal-status", Set.of("GET"), false, request -> node.sealStatus()),
                Route.node("sys/leader", Set.of("GET"), false, request -> node.leader()),
                Route.everything(LOGICAL_METHODS, logical::handle));
    }

    /** Runs the first route whose pattern matches the request path. */
    RenderedResponse dispatch(IncomingRequest request) throws IOException {
        String path = request.trimmedPath();
        Route route = table.stream().filter(r -> r.pattern().test(path)).findFirst().orElseThrow();
        if (route.rootNamespaceOnly() && namespaceRefused(request)) {
            return renderer.error(400, List.of("operation unavailable in namespaces"));
        }
        if (!route.methods().contains(request.method())) {
            return renderer.error(405, List.of());
        }
        return route.handler().handle(request);
    }

    private boolean namespaceRefused(IncomingRequest request) {
        return flavor == Flavor.OPENBAO && namespaces.honoured()
                && !NamespacePath.normalize(request.namespaceHeader()).isEmpty();
    }
}
