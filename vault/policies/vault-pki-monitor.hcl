# Least-privilege policy for vault-pki-monitor, for one PKI mount "pki/".
# Repeat the per-mount block for every mount it should watch (Vault globs cannot span nested paths:
# "+" matches one segment, so a mount "team/a/pki/" needs its own block or "team/+/pki/...").

# Discover PKI mounts. Optional: without it the monitor falls back to sys/internal/ui/mounts, which lists the
# mounts this token can reach, or set PKI_MOUNT_PATH / monitor.mounts.include explicitly.
path "sys/mounts" {
  capabilities = ["read"]
}

# Issuer details (issuer name, usage, leaf_not_after_behavior). LIST pki/issuers, issuer/:ref/json and the
# CRLs are unauthenticated in Vault and need no policy.
path "pki/issuer/+" {
  capabilities = ["read"]
}

# Leaf certificates: list serials (reading one, pki/cert/:serial, is unauthenticated).
path "pki/certs" {
  capabilities = ["list"]
}

path "pki/certs/revoked" {
  capabilities = ["list"]
}

# auth/token/lookup-self and renew-self come from Vault's built-in "default" policy; keep it attached.
