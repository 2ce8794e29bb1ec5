package io.vaultpki.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@link VaultFixture} on a real Vault or OpenBao dev server, set up through its HTTP API with the root token,
 * exactly as an operator would with the CLI (mount, generate root, sign an intermediate, role, policy, auth
 * methods). It uses a plain HTTP client on purpose: the client under test must not set up its own fixture.
 */
final class ContainerFixture implements VaultFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = """
            path "sys/mounts" { capabilities = ["read"] }
            path "pki/*" { capabilities = ["read", "list"] }
            path "team/a/pki/*" { capabilities = ["read", "list", "update"] }
            """;

    private final URI address;
    private final String rootToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ContainerFixture(URI address, String rootToken) {
        this.address = address;
        this.rootToken = rootToken;
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public String rootToken() {
        return rootToken;
    }

    @Override
    public Credentials prepare() throws Exception {
        post("sys/mounts/pki", Map.of("type", "pki", "config", Map.of("max_lease_ttl", "87600h")));
        post("pki/root/generate/internal", Map.of("common_name", "Contract Root", "issuer_name", "root-ca",
                "key_type", "ec", "key_bits", 256, "ttl", "87600h"));
        post("sys/mounts/team/a/pki", Map.of("type", "pki", "config", Map.of("max_lease_ttl", "43800h")));
        String csr = post("team/a/pki/intermediate/generate/internal", Map.of("common_name", "Contract Intermediate",
                "key_type", "ec", "key_bits", 256)).path("data").path("csr").asText();
        JsonNode signed = post("pki/root/sign-intermediate", Map.of("csr", csr, "format", "pem", "ttl", "43800h",
                "common_name", "Contract Intermediate")).path("data");
        post("team/a/pki/intermediate/set-signed", Map.of("certificate",
                signed.path("certificate").asText() + "\n" + signed.path("issuing_ca").asText()));
        post("team/a/pki/roles/web", Map.of("allowed_domains", "example.com", "allow_subdomains", true,
                "ttl", "24h", "max_ttl", "72h", "key_type", "ec", "key_bits", 256));
        post("sys/policies/acl/pki-client", Map.of("policy", POLICY));

        post("sys/auth/approle", Map.of("type", "approle"));
        post("auth/approle/role/contract", Map.of("token_policies", "pki-client", "token_ttl", "1h", "token_max_ttl", "4h"));
        String roleId = get("auth/approle/role/contract/role-id").path("data").path("role_id").asText();
        String secretId = post("auth/approle/role/contract/secret-id", Map.of()).path("data").path("secret_id").asText();

        post("sys/auth/userpass", Map.of("type", "userpass"));
        post("auth/userpass/users/alice", Map.of("password", "alice-password", "token_policies", "pki-client"));

        String clientToken = post("auth/token/create", Map.of("policies", new String[] {"pki-client"}, "ttl", "1h"))
                .path("auth").path("client_token").asText();
        return new Credentials(roleId, secretId, "alice", "alice-password", clientToken);
    }

    private JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(address.resolve("/v1/" + path)).GET(), path);
    }

    private JsonNode post(String path, Map<String, ?> body) throws Exception {
        return send(HttpRequest.newBuilder(address.resolve("/v1/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws Exception {
        HttpResponse<String> response = http.send(request.header("X-Vault-Token", rootToken)
                .header("X-Vault-Request", "true").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("fixture step " + path + " failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
