package io.vaultpki.exporter.access;

import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WritePolicyTest {

    private final WritePolicy policy = new WritePolicy(List.of(Source.ISSUE, Source.SIGN), List.of(Glob.of("pki_int")),
            List.of(Glob.of("web")), List.of(Glob.ofHostName("*.example.com")), null);

    private ExportSpec.Builder issue() {
        return ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role("web").commonName("web.example.com");
    }

    @Test
    void specInsideThePolicyIsAllowed() {
        assertThat(policy.refusal(issue().altNames(List.of("WWW.Example.com")).build(), null)).isEmpty();
    }

    @Test
    void mountOutsideIsRefused() {
        assertThat(policy.refusal(issue().mount("pki").build(), null)).hasValueSatisfying(r -> assertThat(r).contains("mount 'pki'"));
    }

    @Test
    void omittedMountIsCheckedAsTheDefaultMount() {
        assertThat(policy.refusal(issue().mount(null).build(), "pki")).isPresent();
        assertThat(policy.refusal(issue().mount(null).build(), "/pki_int/")).isEmpty();
    }

    @Test
    void roleOutsideIsRefused() {
        assertThat(policy.refusal(issue().role("admin").build(), null)).hasValueSatisfying(r -> assertThat(r).contains("role"));
    }

    @Test
    void commonNameOutsideIsRefused() {
        assertThat(policy.refusal(issue().commonName("example.org").build(), null)).isPresent();
    }

    @Test
    void altNamesFallBackToTheCommonNamePatterns() {
        assertThat(policy.refusal(issue().altNames(List.of("vault.internal")).build(), null))
                .hasValueSatisfying(r -> assertThat(r).contains("vault.internal"));
        assertThat(policy.refusal(issue().ipSans(List.of("10.0.0.1")).build(), null)).isPresent();
    }

    @Test
    void sourceOutsideIsRefused() {
        assertThat(policy.refusal(ExportSpec.builder("ca", Source.ISSUER).mount("pki_int").build(), null)).isPresent();
    }

    @Test
    void namesInsideASignedCsrAreChecked() throws Exception {
        ExportSpec good = ExportSpec.builder("s", Source.SIGN).mount("pki_int").role("web").csr(csr("app.example.com", "api.example.com")).build();
        ExportSpec bad = ExportSpec.builder("s", Source.SIGN).mount("pki_int").role("web").csr(csr("app.example.com", "evil.org")).build();
        assertThat(policy.refusal(good, null)).isEmpty();
        assertThat(policy.refusal(bad, null)).hasValueSatisfying(r -> assertThat(r).contains("evil.org"));
    }

    @Test
    void unrestrictedPolicyAllowsAnything() {
        assertThat(WritePolicy.UNRESTRICTED.refusal(issue().mount("pki").role("any").commonName("x.org").build(), null)).isEmpty();
    }

    private static String csr(String cn, String san) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, san)));
        var req = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), kp.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(req);
        }
        return out.toString();
    }

    @Test
    void noHookIsAllowedUnlessThePolicyListsIt() {
        assertThat(policy.refusal(issue().hook("reload").build(), null))
                .hasValueSatisfying(r -> assertThat(r).contains("hook 'reload'").contains("policy.hooks"));
        assertThat(WritePolicy.UNRESTRICTED.refusal(issue().hook("reload").build(), null))
                .hasValueSatisfying(r -> assertThat(r).contains("lists no hooks"));
    }

    @Test
    void aHookThePolicyListsIsAllowedAndOthersAreNot() {
        WritePolicy withHooks = new WritePolicy(null, null, null, null, null, null, List.of(Glob.of("reload")));
        assertThat(withHooks.refusal(issue().hook("reload").build(), null)).isEmpty();
        assertThat(withHooks.refusal(issue().hook("reload-all").build(), null))
                .hasValueSatisfying(r -> assertThat(r).contains("does not list it"));
        assertThat(withHooks.refusal(issue().build(), null)).isEmpty();
    }

    @Test
    void issuerRefsLimitWhichIssuerMaySign() {
        WritePolicy onlyDefault = new WritePolicy(null, null, null, null, null, List.of(Glob.of("default")), null);
        assertThat(onlyDefault.refusal(issue().build(), null)).isEmpty();
        assertThat(onlyDefault.refusal(issue().issuerRef("default").build(), null)).isEmpty();
        assertThat(onlyDefault.refusal(issue().issuerRef("old-root").build(), null))
                .hasValueSatisfying(r -> assertThat(r).contains("issuer_ref 'old-root'").contains("policy.issuer-refs"));
        assertThat(policy.refusal(issue().issuerRef("old-root").build(), null)).isEmpty();
    }
}
