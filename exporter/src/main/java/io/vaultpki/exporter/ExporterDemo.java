package io.vaultpki.exporter;

import io.vaultpki.emulator.demo.DemoDirectory;
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
import java.util.function.Consumer;

/**
 * {@code --demo}: the embedded, seeded Vault plus two exports (a renewed web certificate and the root CA) in the
 * fixed demo directory {@code ${TMPDIR:-/tmp}/vault-pki-exporter-demo} (emptied at start, removed at exit), and one
 * API token with every scope written to {@code api-token} in it (0600, never logged), so the API can be tried with
 * curl at once and the README's commands find the token on every run.
 */
final class ExporterDemo {

    /** The demo directory's name under the temporary directory. */
    static final String DIRECTORY = "vault-pki-exporter-demo";
    static final String TOKEN_FILE = "api-token";

    private static final Logger LOG = LoggerFactory.getLogger(ExporterDemo.class);

    private ExporterDemo() {
    }

    /**
     * When {@code args} ask for the demo: starts the demo Vault, claims the demo directory (both go to
     * {@code closeAtExit}) and returns the settings of the demo exporter; otherwise an empty map.
     */
    static Map<String, Object> propertiesIfRequested(String[] args, Consumer<AutoCloseable> closeAtExit) {
        Map<String, Object> vault = DemoVault.settingsIfRequested(args, closeAtExit);
        if (vault.isEmpty()) {
            return Map.of();
        }
        DemoDirectory directory = DemoDirectory.claim(DIRECTORY);
        closeAtExit.accept(directory);
        Path dir = directory.path();
        Path tokenFile = dir.resolve(TOKEN_FILE);
        try {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.writeString(Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), HexFormat.of().formatHex(secret));
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot write the API token file " + tokenFile, e);
        }

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
                + "(TOKEN=$(cat {})); the directory is removed at exit", dir.resolve("exports"), tokenFile, tokenFile);
        return p;
    }
}
