package io.vaultpki.monitor.pkihealth.input;

import java.time.Duration;
import java.util.List;

/**
 * {@code sys/mounts/<mount>/tune} (https://developer.hashicorp.com/vault/api-docs/system/mounts#read-mount-configuration),
 * the fields the checks use.
 *
 * @param auditNonHmacRequestKeys    {@code audit_non_hmac_request_keys}
 * @param auditNonHmacResponseKeys   {@code audit_non_hmac_response_keys}
 * @param passthroughRequestHeaders  {@code passthrough_request_headers}
 * @param allowedResponseHeaders     {@code allowed_response_headers}
 * @param maxLeaseTtl                {@code max_lease_ttl}: what a role without {@code max_ttl} may issue; zero when
 *                                   unknown
 */
public record MountTune(List<String> auditNonHmacRequestKeys, List<String> auditNonHmacResponseKeys,
                        List<String> passthroughRequestHeaders, List<String> allowedResponseHeaders,
                        Duration maxLeaseTtl) {

    public MountTune {
        auditNonHmacRequestKeys = copy(auditNonHmacRequestKeys);
        auditNonHmacResponseKeys = copy(auditNonHmacResponseKeys);
        passthroughRequestHeaders = copy(passthroughRequestHeaders);
        allowedResponseHeaders = copy(allowedResponseHeaders);
        maxLeaseTtl = maxLeaseTtl == null || maxLeaseTtl.isNegative() ? Duration.ZERO : maxLeaseTtl;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
