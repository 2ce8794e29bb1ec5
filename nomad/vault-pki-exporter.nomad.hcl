# vault-pki-exporter as a Nomad service job: issues/exports certificates from Vault PKI into a host volume and
# serves the token-protected REST API.
# Run:  nomad job run -var-file=vars/exporter.example.vars.hcl vault-pki-exporter.nomad.hcl
# or with Ansible: ansible-playbook -i inventory.ini deploy.yml -e job=exporter (see nomad/README.md).
#
# Prerequisites on the client that runs it: a host volume (client config) whose directory the task user owns:
#   client { host_volume "vault-pki-certs" { path = "/srv/vault-pki/certs" read_only = false } }
#   install -d -o 65534 -g 65534 -m 0750 /srv/vault-pki/certs
# Vault access works as in vault-pki-monitor.nomad.hcl: the `vault` block with workload identity, the app reads
# secrets/vault_token (vault.auth.method=token-file) and re-reads it when Nomad renews it.

variable "job_name" {
  description = "Job ID; the Vault JWT role binds nomad_job_id to it, so change both together."
  type        = string
  default     = "vault-pki-exporter"
}

variable "datacenters" {
  description = "Datacenters the job may run in."
  type        = list(string)
  default     = ["*"]
}

variable "namespace" {
  description = "Nomad namespace of the job; the Vault JWT role binds nomad_namespace to it."
  type        = string
  default     = "default"
}

variable "region" {
  description = "Nomad region of the job."
  type        = string
  default     = "global"
}

variable "image" {
  description = "Container image of vault-pki-exporter (repository:tag or repository@digest)."
  type        = string
  default     = "ghcr.io/vault-pki/vault-pki-exporter:0.1.0"
}

variable "vault_addr" {
  description = "Vault address (VAULT_ADDR), scheme and host, no path."
  type        = string
  default     = "https://vault.service.consul:8200"
}

variable "vault_namespace" {
  description = "Vault Enterprise / OpenBao namespace (VAULT_NAMESPACE); empty for none."
  type        = string
  default     = ""
}

variable "vault_role" {
  description = "Role of Vault's JWT auth method for Nomad workload identity (nomad/vault/jwt-role-vault-pki-exporter.json)."
  type        = string
  default     = "vault-pki-exporter"
}

variable "pki_mount_path" {
  description = "Default PKI mount of exports that name none (PKI_MOUNT_PATH); the Vault policy must grant it."
  type        = string
  default     = "pki_int"
}

variable "refresh_interval" {
  description = "How often issuer and certificate exports are re-read (MONITOR_INTERVAL, Go duration)."
  type        = string
  default     = "5m"
}

variable "cert_volume" {
  description = "Name of the client host volume that holds the exported certificates (client config host_volume)."
  type        = string
  default     = "vault-pki-certs"
}

variable "cert_export_path" {
  description = "Where the host volume is mounted in the container (CERT_EXPORT_PATH)."
  type        = string
  default     = "/exported-certs"
}

variable "files_group" {
  description = "Group owner of exported files for readers on the host (EXPORTER_FILES_GROUP); empty for none."
  type        = string
  default     = ""
}

variable "log_format" {
  description = "LOG_FORMAT: json (one object per line) or plain."
  type        = string
  default     = "json"
}

variable "service_provider" {
  description = "Where services register: consul or nomad (native service discovery)."
  type        = string
  default     = "consul"
}

variable "run_as_user" {
  description = "uid:gid the container runs as (non-root); it must own the host volume's directory."
  type        = string
  default     = "65534:65534"
}

variable "cpu" {
  description = "CPU reservation in MHz."
  type        = number
  default     = 250
}

variable "memory" {
  description = "Memory reservation in MiB, the container's limit unless memory_max is set. The image's JVM gives the heap 40 % of the limit and needs about 110 MiB besides (docs/benchmark.md): 192 is the smallest it is sized for."
  type        = number
  default     = 192
}

variable "memory_max" {
  description = "Memory limit in MiB when the client allows oversubscription (0 = the reservation is the limit)."
  type        = number
  default     = 0
}

job "vault-pki-exporter" {
  id          = var.job_name
  name        = var.job_name
  type        = "service"
  region      = var.region
  namespace   = var.namespace
  datacenters = var.datacenters

  meta {
    app = "vault-pki-exporter"
  }

  group "exporter" {
    # One writer per export directory: the exporter's renewal state and locks live in <dir>/.state/ on the host
    # volume, which is bound to one client. Scale by running another job with its own volume.
    count = 1

    volume "certs" {
      type      = "host"
      source    = var.cert_volume
      read_only = false
    }

    network {
      port "http" {
        to = 8082
      }
    }

    update {
      max_parallel      = 1
      health_check      = "checks"
      min_healthy_time  = "10s"
      healthy_deadline  = "5m"
      progress_deadline = "10m"
      auto_revert       = true
    }

    # Files already exported stay valid while the exporter is down, but renewals stop: restart locally, then
    # reschedule (onto a client that has the same host volume) without giving up.
    restart {
      attempts = 3
      interval = "10m"
      delay    = "15s"
      mode     = "delay"
    }

    reschedule {
      delay          = "30s"
      delay_function = "exponential"
      max_delay      = "10m"
      unlimited      = true
    }

    service {
      name     = "vault-pki-exporter"
      provider = var.service_provider
      port     = "http"
      tags     = ["vault-pki", "exporter", "prometheus", "prometheus.io/scrape=true", "prometheus.io/path=/metrics"]

      meta {
        metrics_path      = "/metrics"
        metrics_scheme    = "http"
        prometheus_scrape = "true"
      }

      # Only used when provider = "consul": the identity Nomad exchanges for a Consul ACL token.
      identity {
        aud = ["consul.io"]
        ttl = "1h"
      }

      # Liveness never depends on Vault: restarting the exporter does not fix Vault.
      check {
        name     = "liveness"
        type     = "http"
        path     = "/health/liveness"
        interval = "15s"
        timeout  = "2s"

        check_restart {
          limit = 3
          grace = "60s"
        }
      }

      check {
        name     = "readiness"
        type     = "http"
        path     = "/health/readiness"
        interval = "15s"
        timeout  = "2s"
      }
    }

    # The REST API (/api/v1/...) for clients that look it up by name; it needs a bearer token, so its check uses
    # the unauthenticated readiness endpoint on the same port.
    service {
      name     = "vault-pki-exporter-api"
      provider = var.service_provider
      port     = "http"
      tags     = ["vault-pki", "api"]

      meta {
        api_base_path = "/api/v1"
      }

      identity {
        aud = ["consul.io"]
        ttl = "1h"
      }

      check {
        name     = "api-readiness"
        type     = "http"
        path     = "/health/readiness"
        interval = "15s"
        timeout  = "2s"
      }
    }

    task "exporter" {
      driver       = "docker"
      kill_signal  = "SIGTERM"
      kill_timeout = "30s"

      config {
        image           = var.image
        ports           = ["http"]
        readonly_rootfs = true
        cap_drop        = ["ALL"]
        security_opt    = ["no-new-privileges"]

        mount {
          type     = "tmpfs"
          target   = "/tmp"
          readonly = false
          tmpfs_options {
            size = 67108864
          }
        }
      }

      user = var.run_as_user

      volume_mount {
        volume      = "certs"
        destination = var.cert_export_path
        read_only   = false
      }

      vault {
        role        = var.vault_role
        change_mode = "noop"
        env         = false
      }

      identity {
        name = "vault_default"
        aud  = ["vault.io"]
        ttl  = "1h"
      }

      # API tokens come from Nomad Variables under nomad/jobs/<job>/api-tokens/<name> with the keys name, sha256
      # (hex SHA-256 of the token, never the token) and scopes ("read,write"). The job's workload identity may read
      # its own nomad/jobs/<job> variables without any ACL policy. No variable: no token, the API stays off.
      template {
        destination = "${NOMAD_SECRETS_DIR}/exporter-api.yml"
        change_mode = "restart"
        perms       = "0444"
        data        = <<-EOT
        # Rendered by Nomad from nomad/jobs/${var.job_name}/api-tokens/*
        {{- with nomadVarList "nomad/jobs/${var.job_name}/api-tokens" }}
        exporter:
          api:
            tokens:
        {{- range . }}{{ with nomadVar .Path }}
              - name: {{ .name.Value | toJSON }}
                sha256: {{ .sha256.Value | toJSON }}
                scopes: {{ .scopes.Value | toJSON }}
        {{- end }}{{ end }}
        {{- end }}
        EOT
      }

      env {
        VAULT_ADDR             = var.vault_addr
        VAULT_NAMESPACE        = var.vault_namespace
        VAULT_AUTH_METHOD      = "token-file"
        VAULT_AUTH_TOKEN_FILE  = "${NOMAD_SECRETS_DIR}/vault_token"
        PKI_MOUNT_PATH         = var.pki_mount_path
        CERT_EXPORT_PATH       = var.cert_export_path
        MONITOR_INTERVAL       = var.refresh_interval
        EXPORTER_PORT          = "8082"
        EXPORTER_FILES_GROUP   = var.files_group
        MICRONAUT_CONFIG_FILES = "${NOMAD_SECRETS_DIR}/exporter-api.yml"
        LOG_FORMAT             = var.log_format
      }

      resources {
        cpu        = var.cpu        # MHz
        memory     = var.memory     # MiB reserved
        memory_max = var.memory_max # MiB limit (needs memory oversubscription enabled)
      }

      logs {
        max_files     = 5
        max_file_size = 10 # MiB
      }
    }
  }
}
