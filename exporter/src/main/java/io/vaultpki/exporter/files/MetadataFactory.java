package io.vaultpki.exporter.files;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Builds the {@code metadata.json} of a new version from what was validated and rendered. */
final class MetadataFactory {

    private MetadataFactory() {
    }

    static ExportMetadata build(ExportSpec spec, CertificateMaterial material, Instant renewAt, boolean lifetimeShortened,
                                String version, Instant writtenAt, Map<String, String> files) {
        ParsedCertificate leaf = material.leaf();
        return new ExportMetadata(spec.name(), spec.source().wire(), spec.mount(), spec.role(), spec.effectiveIssuerRef(),
                leaf.serialNumber(), leaf.subjectDn(), leaf.commonName(), leaf.dnsNames(), leaf.ipAddresses(), leaf.uris(),
                leaf.notBefore(), leaf.notAfter(), leaf.issuerDn(), spec.ttl() == null ? null : spec.ttl().toSeconds(),
                Duration.between(leaf.notBefore(), leaf.notAfter()).toSeconds(), renewAt, lifetimeShortened,
                spec.specHash(), version, writtenAt, files);
    }
}
