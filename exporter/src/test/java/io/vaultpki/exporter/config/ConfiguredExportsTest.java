package io.vaultpki.exporter.config;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.vaultpki.exporter.hook.HookConfiguration;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredExportsTest {

    private static final Hooks HOOKS = Hooks.of(HookConfiguration.of("reload", List.of("nginx", "-s", "reload"),
            Duration.ofSeconds(10)));

    private static List<ExportSpec> read(String yaml) throws IOException {
        Map<String, Object> props = new YamlPropertySourceLoader().read("test",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return ConfiguredExports.read(new PropertySourcePropertyResolver(PropertySource.of("test", props)), "pki", HOOKS);
    }

    @Test
    void exportsAreReadFromTheirYamlBlocks() throws IOException {
        List<ExportSpec> specs = read("""
                exporter:
                  exports:
                    web:
                      source: issue
                      mount: pki_int
                      role: web
                      common-name: web.example.com
                      alt-names: [www.example.com, api.example.com]
                      ttl: 72h
                      formats: [pem, fullchain, pkcs12]
                      naming: kubernetes
                      hook: reload
                    root-ca:
                      source: issuer
                """);
        assertThat(specs).extracting(ExportSpec::name).containsExactly("root-ca", "web");
        ExportSpec web = specs.get(1);
        assertThat(web.source()).isEqualTo(Source.ISSUE);
        assertThat(web.altNames()).containsExactly("www.example.com", "api.example.com");
        assertThat(web.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(web.hook()).isEqualTo("reload");
        assertThat(specs.get(0).mount()).isEqualTo("pki");
    }

    @Test
    void aBadExportStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> read("""
                exporter:
                  exports:
                    web:
                      source: issue
                      role: web
                      ip-sans: [not-an-ip]
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exporter.exports.web.common-name")
                .hasMessageContaining("exporter.exports.web.ip-sans[0]");
    }

    @Test
    void anExportNamingAHookThatIsNotConfiguredStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> read("""
                exporter:
                  exports:
                    web:
                      source: issuer
                      hook: restart-nginx
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exporter.exports.web.hook")
                .hasMessageContaining("restart-nginx")
                .hasMessageContaining("[reload]");
    }

    @Test
    void anInlineHookCommandInAConfiguredExportStopsStartUpPointingToExporterHooks() {
        assertThatThrownBy(() -> read("""
                exporter:
                  exports:
                    web:
                      source: issuer
                      hook:
                        command: ["nginx", "-s", "reload"]
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exporter.exports.web.hook.command")
                .hasMessageContaining("exporter.hooks.<name>.command");
    }

    @Test
    void revokePreviousIsReadFromConfigurationAndOffUnlessSet() throws IOException {
        List<ExportSpec> specs = read("""
                exporter:
                  exports:
                    web:
                      source: issue
                      role: web
                      common-name: web.example.com
                      revoke-previous: true
                    api:
                      source: issue
                      role: web
                      common-name: api.example.com
                      revoke-previous: "false"
                    plain:
                      source: issue
                      role: web
                      common-name: plain.example.com
                """);

        assertThat(specs).extracting(ExportSpec::name, ExportSpec::revokePrevious)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", false),
                        org.assertj.core.groups.Tuple.tuple("plain", false),
                        org.assertj.core.groups.Tuple.tuple("web", true));
    }

    @Test
    void revokePreviousOnAnIssuerOrCertificateExportStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> read("""
                exporter:
                  exports:
                    root-ca:
                      source: issuer
                      revoke-previous: true
                    partner:
                      source: certificate
                      serial: "3c:9f:01:aa"
                      revoke-previous: true
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exporter.exports.root-ca.revoke-previous applies to sources issue and sign only")
                .hasMessageContaining("exporter.exports.partner.revoke-previous applies to sources issue and sign only");
    }
}
