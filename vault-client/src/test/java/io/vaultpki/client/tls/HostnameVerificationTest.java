package io.vaultpki.client.tls;

import io.vaultpki.client.cert.TestCertificates;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostnameVerificationTest {

    private static X509Certificate cert;

    @BeforeAll
    static void build() throws Exception {
        KeyPair key = TestCertificates.rsa(2048);
        cert = TestCertificates.build("CN=ignored.example", key, "CN=ca", key, BigInteger.ONE, false,
                TestCertificates.sans(new GeneralName(GeneralName.dNSName, "vault.example.com"),
                        new GeneralName(GeneralName.dNSName, "*.vault.internal"),
                        new GeneralName(GeneralName.iPAddress, "10.0.0.5")));
    }

    @Test
    void matchesDnsSansCaseInsensitively() {
        assertThatCode(() -> HostnameVerifyingTrustManager.verifyHost(cert, "VAULT.example.com")).doesNotThrowAnyException();
    }

    @Test
    void wildcardsCoverExactlyOneLabel() {
        assertThatCode(() -> HostnameVerifyingTrustManager.verifyHost(cert, "a.vault.internal")).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostnameVerifyingTrustManager.verifyHost(cert, "a.b.vault.internal"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> HostnameVerifyingTrustManager.verifyHost(cert, "vault.internal"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void ipHostsMatchOnlyIpSans() {
        assertThatCode(() -> HostnameVerifyingTrustManager.verifyHost(cert, "10.0.0.5")).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostnameVerifyingTrustManager.verifyHost(cert, "10.0.0.6"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void theSubjectCommonNameIsNotAHostName() {
        assertThatThrownBy(() -> HostnameVerifyingTrustManager.verifyHost(cert, "ignored.example"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("not valid for ignored.example");
    }
}
