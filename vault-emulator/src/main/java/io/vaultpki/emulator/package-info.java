/**
 * In-process Vault / OpenBao emulator used by the tests, the demo and the benchmark.
 *
 * <p>{@link io.vaultpki.emulator.VaultEmulator} starts a JDK {@code HttpServer} (or {@code HttpsServer}) on
 * 127.0.0.1. Each request goes through the pipeline of Vault's HTTP layer and core, in this order (when a request
 * breaks two rules, the earlier step answers):
 * <ol>
 *   <li>path cleaning: outside {@code /v1/} is a plain-text 404, an unclean path ({@code //}, {@code /./},
 *       {@code /../}) is redirected with 301 as Go's {@code ServeMux} does ({@link io.vaultpki.emulator.RequestHandler});</li>
 *   <li>faults the test switched on: latency, dropped connection, forced status, rate limit
 *       ({@link io.vaultpki.emulator.Faults});</li>
 *   <li>the route table ({@link io.vaultpki.emulator.Routes}, method + path pattern → handler): the node endpoints
 *       {@code sys/health}, {@code sys/seal-status}, {@code sys/leader} ({@link io.vaultpki.emulator.NodeEndpoints},
 *       answered even while sealed), everything else to the logical handler; a method the route does not take is
 *       405;</li>
 *   <li>seal and standby checks (503, or 307 to the active node);</li>
 *   <li>wrap TTL, operation and body parsing ({@link io.vaultpki.emulator.RequestBody}: 413, 415, 400);</li>
 *   <li>namespace resolution ({@link io.vaultpki.emulator.Namespaces});</li>
 *   <li>longest-prefix mount match ({@link io.vaultpki.emulator.MountTable});</li>
 *   <li>token and ACL check, skipped on the backend's unauthenticated paths ({@link io.vaultpki.emulator.PolicyStore});</li>
 *   <li>the {@link io.vaultpki.emulator.spi.Backend}, whose answer {@link io.vaultpki.emulator.ResponseRenderer}
 *       renders with Vault's envelope and Go's JSON encoding.</li>
 * </ol>
 * Steps 4 to 9 are {@link io.vaultpki.emulator.LogicalHandler}. The contract is Vault's HTTP API
 * (https://developer.hashicorp.com/vault/api-docs) and the behaviour of its HTTP layer
 * (https://github.com/hashicorp/vault/tree/main/http); docs/vault-compatibility.md ("Emulator" sections) gives the
 * source of each reproduced fact.
 *
 * <p>Code map: this package holds the entry point, the test-facing state ({@code Faults}, {@code PolicyStore},
 * {@code Namespaces}, {@code MountTable}, {@code RequestLog}, {@code PkiEngines}, {@code AuthMethods}) and the HTTP
 * front above; {@code sys/} is {@link io.vaultpki.emulator.SysBackend}. {@code spi} is what the core and the
 * backends share; {@code go} holds Go's wire encodings; {@code token} the token store and {@code auth/token/};
 * {@code auth} the login methods; {@code pki} the PKI secrets engine; {@code demo} the demo's seed data. Packages
 * depend downwards only: this package on all others, {@code auth} on {@code token}, {@code token} and {@code pki}
 * on {@code go} and {@code spi}, which depend on nothing (checked by architecture-tests' {@code ArchitectureTest}).
 */
package io.vaultpki.emulator;
