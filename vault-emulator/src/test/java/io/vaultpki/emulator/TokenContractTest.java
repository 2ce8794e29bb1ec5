package io.vaultpki.emulator;

import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 4.3-4.5 and edge cases 28-32. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenContractTest {

    private final MutableClock clock = new MutableClock();
    private VaultEmulator vault;
    private VaultHttp http;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().clock(clock).start();
        http = new VaultHttp(vault.url());
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void rootTokenLooksLikeTheInitRootTokenEdgeCase29() {
        var data = http.token(vault.rootToken()).get("auth/token/lookup-self").json().get("data");

        assertThat(data.get("policies")).hasSize(1);
        assertThat(data.get("policies").get(0).asText()).isEqualTo("root");
        assertThat(data.get("path").asText()).isEqualTo("auth/token/root");
        assertThat(data.get("display_name").asText()).isEqualTo("root");
        assertThat(data.get("ttl").asLong()).isZero();
        assertThat(data.get("creation_ttl").asLong()).isZero();
        assertThat(data.get("expire_time").isNull()).isTrue();
        assertThat(data.get("meta").isNull()).isTrue();
        assertThat(data.get("orphan").asBoolean()).isTrue();
        assertThat(data.get("entity_id").asText()).isEmpty();
        assertThat(data.has("renewable")).isFalse();
        assertThat(data.has("issue_time")).isFalse();
    }

    @Test
    void rootTokenMintedByRootHasTheCreatePathEdgeCase29() {
        var created = http.token(vault.rootToken()).post("auth/token/create", "{\"policies\":[\"root\"]}");
        String minted = created.json().get("auth").get("client_token").asText();

        var data = http.token(minted).get("auth/token/lookup-self").json().get("data");

        assertThat(data.get("path").asText()).isEqualTo("auth/token/create");
        assertThat(data.get("policies").toString()).isEqualTo("[\"root\"]");
    }

    @Test
    void serviceTokenLookupReportsTtlExpiryWithANonUtcOffsetEdgeCase32() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));

        var data = http.token(token).get("auth/token/lookup-self").json().get("data");

        assertThat(data.get("id").asText()).isEqualTo(token).startsWith("hvs.");
        assertThat(data.get("policies").toString()).isEqualTo("[\"default\",\"monitor\"]");
        assertThat(data.get("ttl").asLong()).isBetween(3590L, 3600L);
        assertThat(data.get("renewable").asBoolean()).isTrue();
        assertThat(data.get("type").asText()).isEqualTo("service");
        String expireTime = data.get("expire_time").asText();
        assertThat(expireTime).endsWith("-04:00");
        assertThat(OffsetDateTime.parse(expireTime).toInstant())
                .isCloseTo(clock.instant().plus(Duration.ofHours(1)), within());
        assertThat(OffsetDateTime.parse(data.get("issue_time").asText())).isNotNull();
    }

    @Test
    void tokenWithoutDefaultPolicyCannotLookItselfUpEdgeCase28() {
        String token = vault.tokens().create(TokenSpec.builder().policies("monitor").noDefaultPolicy(true).build());

        var reply = http.token(token).get("auth/token/lookup-self");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("1 error occurred:\n\t* permission denied\n\n");
    }

    @Test
    void renewSelfExtendsTheTtlAndReturnsTheAuthBlock() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofMinutes(10)));

        var reply = http.token(token).post("auth/token/renew-self", "{\"increment\":\"1h\"}");

        assertThat(reply.status()).isEqualTo(200);
        var auth = reply.json().get("auth");
        assertThat(auth.get("client_token").asText()).isEqualTo(token);
        assertThat(auth.get("lease_duration").asLong()).isEqualTo(3600);
        assertThat(auth.get("renewable").asBoolean()).isTrue();
        assertThat(reply.json().get("data").isNull()).isTrue();
        var lookup = http.token(token).get("auth/token/lookup-self").json().get("data");
        assertThat(lookup.has("last_renewal_time")).isTrue();
    }

    @Test
    void renewSelfIsCappedByMaxTtlWithVaultsWarning() {
        String token = vault.tokens().create(TokenSpec.builder().ttl(Duration.ofMinutes(5))
                .maxTtl(Duration.ofMinutes(10)).build());

        var reply = http.token(token).post("auth/token/renew-self", "{\"increment\":3600}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("auth").get("lease_duration").asLong()).isBetween(595L, 600L);
        assertThat(reply.json().get("warnings").get(0).asText())
                .startsWith("TTL of \"1h0m0s\" exceeded the effective max_ttl of \"")
                .endsWith("\"; TTL value is capped accordingly");
    }

    @Test
    void renewSelfOnTheInitRootTokenIsInvalidLeaseIdEdgeCase30() {
        var reply = http.token(vault.rootToken()).post("auth/token/renew-self", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"invalid lease ID\"]}\n");
    }

    @Test
    void renewSelfOnANonRenewableTokenIsRefusedEdgeCase30() {
        String token = vault.tokens().create(TokenSpec.builder().renewable(false).build());

        var reply = http.token(token).post("auth/token/renew-self", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"lease is not renewable\"]}\n");
    }

    @Test
    void batchTokensCannotBeRenewedOrRevokedEdgeCase30() {
        String token = vault.tokens().create(TokenSpec.builder().batch().build());

        var renew = http.token(token).post("auth/token/renew-self", null);
        var revoke = http.token(token).post("auth/token/revoke-self", null);
        var lookup = http.token(token).get("auth/token/lookup-self");

        assertThat(token).startsWith("hvb.");
        assertThat(renew.body()).isEqualTo("{\"errors\":[\"batch tokens cannot be renewed\"]}\n");
        assertThat(revoke.body()).isEqualTo("{\"errors\":[\"batch tokens cannot be revoked\"]}\n");
        assertThat(lookup.json().get("data").get("accessor").asText()).isEmpty();
        assertThat(lookup.json().get("data").get("type").asText()).isEqualTo("batch");
    }

    @Test
    void revokedTokenIsDeadAfterwardsEdgeCase31() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1)));

        assertThat(http.token(token).post("auth/token/revoke-self", null).status()).isEqualTo(204);

        assertThat(http.token(token).get("auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(http.token(token).post("auth/token/revoke-self", null).status()).isEqualTo(403);
    }

    @Test
    void tokenExpiresWhenTheSharedClockPassesItsTtl() {
        var localClock = new MutableClock();
        try (var emu = VaultEmulator.builder().clock(localClock).start()) {
            String token = emu.tokens().create(TokenSpec.of(Duration.ofMinutes(1)));
            var local = new VaultHttp(emu.url()).token(token);
            assertThat(local.get("auth/token/lookup-self").status()).isEqualTo(200);

            localClock.advance(Duration.ofSeconds(61));

            assertThat(local.get("auth/token/lookup-self").status()).isEqualTo(403);
            assertThat(emu.tokens().lookup(token)).isEmpty();
        }
    }

    @Test
    void explicitMaxTtlIsReportedAndCapsTheInitialTtl() {
        String token = vault.tokens().create(TokenSpec.builder().ttl(Duration.ofHours(2))
                .explicitMaxTtl(Duration.ofHours(1)).build());

        var data = http.token(token).get("auth/token/lookup-self").json().get("data");

        assertThat(data.get("explicit_max_ttl").asLong()).isEqualTo(3600);
        assertThat(data.get("ttl").asLong()).isBetween(3590L, 3600L);
    }

    @Test
    void lookupSelfWithPostNeedsUpdateWhichTheDefaultPolicyDoesNotGrantSection43() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1)));

        assertThat(http.token(token).post("auth/token/lookup-self", null).status()).isEqualTo(403);
        assertThat(http.token(vault.rootToken()).post("auth/token/lookup-self", null).status()).isEqualTo(200);
    }

    @Test
    void periodicTokenRenewsToItsPeriodWhateverTheIncrement() {
        String token = vault.tokens().create(TokenSpec.builder().period(Duration.ofMinutes(15)).build());

        var reply = http.token(token).post("auth/token/renew-self", "{\"increment\":\"10h\"}");
        var lookup = http.token(token).get("auth/token/lookup-self").json().get("data");

        assertThat(reply.json().get("auth").get("lease_duration").asLong()).isEqualTo(900);
        assertThat(lookup.get("period").asLong()).isEqualTo(900);
    }

    @Test
    void renewWithTheTokenInTheBodyRenewsThatTokenLikeRenewSelf() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofMinutes(10)));

        var reply = http.token(vault.rootToken()).post("auth/token/renew",
                "{\"token\":\"" + token + "\",\"increment\":\"1h\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("auth").get("client_token").asText()).isEqualTo(token);
        assertThat(reply.json().get("auth").get("lease_duration").asLong()).isEqualTo(3600);
        assertThat(http.token(token).get("auth/token/lookup-self").json().get("data").has("last_renewal_time")).isTrue();
    }

    @Test
    void renewAndRevokeByBodyAnswerAsVaultsTokenStoreForMissingAndUnknownTokens() {
        var root = http.token(vault.rootToken());

        assertThat(root.post("auth/token/renew", "{}").body()).isEqualTo("{\"errors\":[\"missing token ID\"]}\n");
        assertThat(root.post("auth/token/revoke", "{}").body()).isEqualTo("{\"errors\":[\"missing token ID\"]}\n");
        var unknown = root.post("auth/token/renew", "{\"token\":\"hvs.unknown\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"errors\":[\"token not found\"]}\n");
        assertThat(root.post("auth/token/revoke", "{\"token\":\"hvs.unknown\"}").status()).isEqualTo(204);
    }

    @Test
    void revokeWithTheTokenInTheBodyKillsThatToken() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1)));

        assertThat(http.token(vault.rootToken()).post("auth/token/revoke", "{\"token\":\"" + token + "\"}")
                .status()).isEqualTo(204);

        assertThat(http.token(token).get("auth/token/lookup-self").status()).isEqualTo(403);
    }

    @Test
    void renewAndRevokeByBodyNeedAPolicyTheDefaultPolicyDoesNotGrant() {
        String token = vault.tokens().create(TokenSpec.of(Duration.ofHours(1)));
        String other = vault.tokens().create(TokenSpec.of(Duration.ofHours(1)));

        assertThat(http.token(token).post("auth/token/renew", "{\"token\":\"" + other + "\"}").status())
                .isEqualTo(403);
        assertThat(http.token(token).post("auth/token/revoke", "{\"token\":\"" + other + "\"}").status())
                .isEqualTo(403);
        assertThat(http.token(other).get("auth/token/lookup-self").status()).isEqualTo(200);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(2, java.time.temporal.ChronoUnit.SECONDS);
    }
}
