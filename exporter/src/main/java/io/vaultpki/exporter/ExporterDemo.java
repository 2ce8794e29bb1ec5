package io.vaultpki.exporter;

import io.vaultpki.emulator.demo.DemoScenario;
import io.vaultpki.emulator.demo.DemoVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code --demo}: the embedded, seeded Vault plus two exports (a renewed web certificate and the root CA) in a fresh
 * temporary export root, and one API token with every scope written to a 0600 file beside it (never logged), so the
 * API can be tried with curl at once.
 */
final class ExporterDemo {

    private static final Logger LOG = LoggerFactory.getLogger(ExporterDemo.class);

    private ExporterDemo() {
    }

    static Map<String, Object> propertiesIfRequested(String[] args) {
        Map<String, Object> vault = DemoVault.settingsIfRequested(args);
        if (vault.isEmpty()) {
            return Map.of();
        }
        try {
            Path dir = Files.createTempDirectory("vault-pki-exporter-demo-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path tokenFile = dir.resolve("api-token");
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.writeString(Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), HexFormat.of().formatHex(secret));

            Map<String, Object> p = new HashMap<>(vault);
            String mount = DemoScenario.INTERMEDIATE_MOUNT.replace("/", "");
            p.put("exporter.path", dir.resolve("exports").toString());
            p.put("exporter.default-mount", mount);
            p.put("exporter.exports.web.source", "issue");
            p.put("exporter.exports.web.mount", mount);
            p.put("exporter.exports.web.role", DemoScenario.ROLE);
            p.put("exporter.exports.web.common-name", "demo.example.com");
            p.put("exporter.exports.web.alt-names", "www.example.com");
            p.put("exporter.exports.web.ttl", "72h");
            p.put("exporter.exports.web.formats", "pem,fullchain,der,combined");
            p.put("exporter.exports.root-ca.source", "issuer");
            p.put("exporter.exports.root-ca.mount", DemoScenario.ROOT_MOUNT.replace("/", ""));
            p.put("exporter.api.tokens[0].name", "demo");
            p.put("exporter.api.tokens[0].token-file", tokenFile.toString());
            p.put("exporter.api.tokens[0].scopes", "read,write,keys");
            LOG.info("Demo mode: exports under {}; an API token with scopes read, write and keys is in {} "
                    + "(curl -H \"Authorization: Bearer $(cat {})\" localhost:8080/api/v1/certificates)",
                    dir.resolve("exports"), tokenFile, tokenFile);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot create the temporary export directory", e);
        }
    }
}
