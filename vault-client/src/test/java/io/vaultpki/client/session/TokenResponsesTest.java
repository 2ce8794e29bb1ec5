package io.vaultpki.client.session;

import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultResponseFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenResponsesTest {

    private static VaultHttpResponse ok(String json) {
        return new VaultHttpResponse(200, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void expireTimeKeepsTheServersLocalOffset() {
        TokenInfo info = TokenResponses.lookup(ok("""
                {"data":{"id":"hvs.secret","accessor":"acc1","policies":["default","pki-read"],
                 "path":"auth/approle/login","ttl":2764,"renewable":true,"type":"service",
                 "expire_time":"2026-03-01T06:46:04.123456789-04:00","display_name":"approle"}}"""));

        assertThat(info.expireTime()).isEqualTo(OffsetDateTime.of(2026, 3, 1, 6, 46, 4, 123456789, ZoneOffset.ofHours(-4)));
        assertThat(info.ttl()).isEqualTo(Duration.ofSeconds(2764));
        assertThat(info.renewable()).isTrue();
        assertThat(info.isRoot()).isFalse();
        assertThat(info.toString()).doesNotContain("hvs.secret");
    }

    @Test
    void theInitRootTokenHasNoExpiryAndIsNotRenewable() {
        TokenInfo info = TokenResponses.lookup(ok("""
                {"data":{"id":"hvs.root","accessor":"r","policies":["root"],"path":"auth/token/root","ttl":0,
                 "expire_time":null,"meta":null,"type":"service","display_name":"root"}}"""));

        assertThat(info.isRoot()).isTrue();
        assertThat(info.expiry()).isEmpty();
        assertThat(info.renewable()).isFalse();
        assertThat(info.ttl()).isZero();
    }

    @Test
    void aRootTokenMintedByAnotherRootIsStillRoot() {
        TokenInfo info = TokenResponses.lookup(ok("""
                {"data":{"accessor":"r2","policies":["root"],"path":"auth/token/create","ttl":3600,
                 "expire_time":"2026-03-01T11:00:00Z","renewable":true,"type":"service"}}"""));

        assertThat(info.isRoot()).isTrue();
    }

    @Test
    void renewalReadsTheNewTtlFromTheAuthSection() {
        var renewal = TokenResponses.renewal(ok("""
                {"auth":{"client_token":"hvs.x","accessor":"a","lease_duration":1200,"renewable":true},
                 "warnings":["TTL of \\"30m\\" exceeded the effective max_ttl of \\"20m\\"; TTL value is capped accordingly"]}"""));

        assertThat(renewal.ttl()).isEqualTo(Duration.ofMinutes(20));
        assertThat(renewal.renewable()).isTrue();
    }

    @Test
    void aMalformedAnswerNamesThePathButNotTheBody() {
        assertThatThrownBy(() -> TokenResponses.lookup(ok("{\"id\":\"hvs.leak\"")))
                .isInstanceOf(VaultResponseFormatException.class)
                .hasMessageContaining("auth/token/lookup-self")
                .hasMessageNotContaining("hvs.leak");
    }
}
