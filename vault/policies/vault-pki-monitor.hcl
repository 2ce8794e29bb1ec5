# Least-privilege policy for vault-pki-monitor, for one PKI mount "pki/".
# Repeat the per-mount block for every mount it should watch (Vault globs cannot span nested paths:
# "+" matches one segment, so a mount "team/a/pki/" needs its own block or "team/+/pki/...").

# Discover PKI mounts. Optional: without it the monitor falls back to sys/internal/ui/mounts, which lists the
# mounts this token can reach, or set PKI_MOUNT_PATH / monitor.mounts.include explicitly.
path "sys/mounts" {
  capabilities = ["read"]
}

# Issuer details (issuer name, usage, leaf_not_after_behavior). LIST pki/issuers, issuer/:ref/json and the
# CRLs (delta CRLs included) are unauthenticated in Vault and need no policy.
path "pki/issuer/+" {
  capabilities = ["read"]
}

# Leaf certificates: list serials (reading one, pki/cert/:serial, is unauthenticated). Also the PKI health checks
# too_many_certs and root_issued_leaves.
path "pki/certs" {
  capabilities = ["list"]
}

path "pki/certs/revoked" {
  capabilities = ["list"]
}

# ---- PKI health checks (docs/health-checks.md). Optional: a token without one of these paths still gets every
# other check; the checks that need it report insufficient_permissions.

# crl_validity_period (is the CRL disabled?), role_no_store_false (auto_rebuild)
path "pki/config/crl" {
  capabilities = ["read"]
}

# role_allows_localhost, role_allows_glob_wildcards, role_no_store_false, issuance_at_risk
path "pki/roles" {
  capabilities = ["list"]
}

path "pki/roles/+" {
  capabilities = ["read"]
}

# audit_visibility, allow_if_modified_since, allow_acme_headers, issuance_at_risk (the mount's max lease TTL)
path "sys/mounts/pki/tune" {
  capabilities = ["read"]
}

# enable_auto_tidy
path "pki/config/auto-tidy" {
  capabilities = ["read"]
}

# tidy_last_run and the tidy/store gauges
path "pki/tidy-status" {
  capabilities = ["read"]
}

# enable_acme_issuance, allow_acme_headers (Vault 1.14+)
path "pki/config/acme" {
  capabilities = ["read"]
}

# enable_acme_issuance, read only when ACME is on (Vault 1.13+)
path "pki/config/cluster" {
  capabilities = ["read"]
}

# hardware_backed_root (disabled by default): the root issuers' keys
path "pki/key/+" {
  capabilities = ["read"]
}

# auth/token/lookup-self and renew-self come from Vault's built-in "default" policy; keep it attached.
