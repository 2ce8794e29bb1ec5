package io.vaultpki.emulator;

import java.util.List;

/**
 * The list settings of a mount tune that {@code GET sys/mounts/:path/tune} reports
 * (https://developer.hashicorp.com/vault/api-docs/system/mounts#read-mount-configuration). Set with
 * {@link MountTable#tune(String, String, MountTune)}.
 *
 * @param passthroughRequestHeaders {@code passthrough_request_headers} (e.g. {@code If-Modified-Since})
 * @param allowedResponseHeaders    {@code allowed_response_headers} (e.g. {@code Last-Modified}, ACME's
 *                                  {@code Replay-Nonce}, {@code Link}, {@code Location})
 * @param auditNonHmacRequestKeys   {@code audit_non_hmac_request_keys}
 * @param auditNonHmacResponseKeys  {@code audit_non_hmac_response_keys}
 */
public record MountTune(List<String> passthroughRequestHeaders, List<String> allowedResponseHeaders,
                        List<String> auditNonHmacRequestKeys, List<String> auditNonHmacResponseKeys) {

    public MountTune {
        passthroughRequestHeaders = List.copyOf(passthroughRequestHeaders);
        allowedResponseHeaders = List.copyOf(allowedResponseHeaders);
        auditNonHmacRequestKeys = List.copyOf(auditNonHmacRequestKeys);
        auditNonHmacResponseKeys = List.copyOf(auditNonHmacResponseKeys);
    }

    /** Nothing tuned. */
    public static MountTune none() {
        return new MountTune(List.of(), List.of(), List.of(), List.of());
    }
}
