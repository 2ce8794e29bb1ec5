package io.vaultpki.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InlineSourcesTest {

    @Test
    void theSourceIsTheQuotedBase64Sha256OfTheExactText() {
        // SHA-256 of the empty string; one more character is another source
        assertThat(InlineSources.sha256("")).isEqualTo("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        assertThat(InlineSources.sha256("\n" + "x")).isNotEqualTo(InlineSources.sha256("x"));
    }
}
