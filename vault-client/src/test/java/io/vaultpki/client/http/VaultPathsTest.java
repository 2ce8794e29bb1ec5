package io.vaultpki.client.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultPathsTest {

    @Test
    void joinsWithoutDoubleSlashes() {
        assertThat(VaultPaths.join("pki/", "/issuers")).isEqualTo("pki/issuers");
        assertThat(VaultPaths.join("/team/a/pki/", "issuer", "x", "crl")).isEqualTo("team/a/pki/issuer/x/crl");
    }

    @Test
    void encodesEachSegmentSeparatelyKeepingSlashesAndColons() {
        assertThat(VaultPaths.encode("team/a/pki/cert/3c:9f")).isEqualTo("team/a/pki/cert/3c:9f");
        assertThat(VaultPaths.encode("pki/roles/web server?x#y")).isEqualTo("pki/roles/web%20server%3Fx%23y");
        assertThat(VaultPaths.encode("pki/roles/é")).isEqualTo("pki/roles/%C3%A9");
    }

    @Test
    void mountRejectsEmptyAndDotSegments() {
        assertThat(VaultPaths.mount("pki/")).isEqualTo("pki");
        assertThatThrownBy(() -> VaultPaths.mount("/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultPaths.mount("pki/../sys")).isInstanceOf(IllegalArgumentException.class);
    }
}
