# Example values for vault-pki-monitor.nomad.hcl (nomad job run -var-file=vars/monitor.example.vars.hcl ...).
datacenters      = ["dc1"]
namespace        = "default"
vault_addr       = "https://vault.example.com:8200"
vault_role       = "vault-pki-monitor"
pki_mount_path   = "pki"
refresh_interval = "60s"
service_provider = "consul"
