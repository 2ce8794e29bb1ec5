package io.vaultpki.client.sys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET sys/mounts/:mount/tune} (https://developer.hashicorp.com/vault/api-docs/system/mounts#read-mount-configuration):
 * the mount's tune as the audit and header checks read it. Vault sends each list only when it is set; an absent list
 * is empty here.
 *
 * @param description               {@code description}
 * @param defaultLeaseTtl           {@code default_lease_ttl} (effective: the system default when the mount sets none)
 * @param maxLeaseTtl               {@code max_lease_ttl} (likewise)
 * @param forceNoCache              {@code force_no_cache}
 * @param auditNonHmacRequestKeys   {@code audit_non_hmac_request_keys}: request fields audit devices log in clear
 * @param auditNonHmacResponseKeys  {@code audit_non_hmac_response_keys}: response fields audit devices log in clear
 * @param passthroughRequestHeaders {@code passthrough_request_headers} (e.g. {@code If-Modified-Since})
 * @param allowedResponseHeaders    {@code allowed_response_headers} (e.g. {@code Last-Modified}, {@code Replay-Nonce},
 *                                  {@code Link}, {@code Location})
 * @param listingVisibility         {@code listing_visibility}, when set
 */
public record MountTune(String description, Duration defaultLeaseTtl, Duration maxLeaseTtl, boolean forceNoCache,
                        List<String> auditNonHmacRequestKeys, List<String> auditNonHmacResponseKeys,
                        List<String> passthroughRequestHeaders, List<String> allowedResponseHeaders,
                        Optional<String> listingVisibility) {

    public MountTune {
        auditNonHmacRequestKeys = List.copyOf(auditNonHmacRequestKeys);
        auditNonHmacResponseKeys = List.copyOf(auditNonHmacResponseKeys);
        passthroughRequestHeaders = List.copyOf(passthroughRequestHeaders);
        allowedResponseHeaders = List.copyOf(allowedResponseHeaders);
    }
}
