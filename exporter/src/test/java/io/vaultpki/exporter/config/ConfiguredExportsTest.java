package io.vaultpki.exporter.config;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.env.PropertySourcePropertyResolver;
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

    private static List<ExportSpec> read(String yaml) throws IOException {
        Map<String, Object> props = new YamlPropertySourceLoader().read("test",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return ConfiguredExports.read(new PropertySourcePropertyResolver(PropertySource.of("test", props)), "pki");
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
                      hook:
                        command: ["nginx", "-s", "reload"]
                        timeout: 10s
                    root-ca:
                      source: issuer
                """);
        assertThat(specs).extracting(ExportSpec::name).containsExactly("root-ca", "web");
        ExportSpec web = specs.get(1);
        assertThat(web.source()).isEqualTo(Source.ISSUE);
        assertThat(web.altNames()).containsExactly("www.example.com", "api.example.com");
        assertThat(web.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(web.hook().command()).containsExactly("nginx", "-s", "reload");
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
}
