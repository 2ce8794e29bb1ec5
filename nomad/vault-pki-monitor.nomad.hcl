# vault-pki-monitor as a Nomad service job: Prometheus metrics and status for Vault PKI mounts.
# Run:  nomad job run -var-file=vars/monitor.example.vars.hcl vault-pki-monitor.nomad.hcl
# or with Ansible: ansible-playbook -i inventory.ini deploy.yml -e job=monitor (see nomad/README.md).
#
# Vault access: the task's `vault` block makes the Nomad client log in to Vault's JWT auth method with the
# task's workload identity (identity "vault_default", aud "vault.io") and keep secrets/vault_token fresh. The app
# reads that file with vault.auth.method=token-file and re-reads it when Nomad rewrites it, so the token can
# rotate without a restart (change_mode = "noop").

variable "job_name" {
  description = "Job ID; the Vault JWT role binds nomad_job_id to it, so change both together."
  type        = string
  default     = "vault-pki-monitor"
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
  description = "Container image of vault-pki-monitor (repository:tag or repository@digest)."
  type        = string
  default     = "ghcr.io/vault-pki/vault-pki-monitor:0.1.0"
}

variable "instance_count" {
  description = "Number of monitor instances. Each one refreshes from Vault on its own; 1 is enough for one Prometheus."
  type        = number
  default     = 1
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
  description = "Role of Vault's JWT auth method for Nomad workload identity (nomad/vault/jwt-role-vault-pki-monitor.json)."
  type        = string
  default     = "vault-pki-monitor"
}

variable "pki_mount_path" {
  description = "PKI mount(s) to watch (PKI_MOUNT_PATH); the Vault policy must grant these mounts."
  type        = string
  default     = "pki"
}

variable "refresh_interval" {
  description = "Time between two refreshes from Vault (MONITOR_INTERVAL, Go duration)."
  type        = string
  default     = "60s"
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
  description = "uid:gid the container runs as (non-root)."
  type        = string
  default     = "65534:65534"
}

variable "cpu" {
  description = "CPU reservation in MHz."
  type        = number
  default     = 200
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

job "vault-pki-monitor" {
  id          = var.job_name
  name        = var.job_name
  type        = "service"
  region      = var.region
  namespace   = var.namespace
  datacenters = var.datacenters

  meta {
    app = "vault-pki-monitor"
  }

  group "monitor" {
    count = var.instance_count

    network {
      port "http" {
        to = 8080
      }
    }

    # Roll one allocation at a time and only count it healthy once its checks pass; a broken release (Vault
    # unreachable with the new settings, bad image) goes back to the last good version by itself.
    update {
      max_parallel      = 1
      health_check      = "checks"
      min_healthy_time  = "10s"
      healthy_deadline  = "5m"
      progress_deadline = "10m"
      auto_revert       = true
    }

    # Local restarts first (a JVM crash), then rescheduling elsewhere with growing delays, never giving up:
    # a monitor that stops silently is what the VaultPkiMonitorDown alert exists for, not a steady state.
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
      name     = "vault-pki-monitor"
      provider = var.service_provider
      port     = "http"
      tags     = ["vault-pki", "monitor"]

      # Only used when provider = "consul": the identity Nomad exchanges for a Consul ACL token.
      identity {
        aud = ["consul.io"]
        ttl = "1h"
      }

      # Liveness never depends on Vault, so a Vault outage does not restart the monitor.
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

      # Readiness: first refresh done and Vault reachable (or the last success within monitor.health.ready-grace).
      check {
        name     = "readiness"
        type     = "http"
        path     = "/health/readiness"
        interval = "15s"
        timeout  = "2s"
      }
    }

    # A separate service for Prometheus' consul_sd / nomad_sd: keep on tag "prometheus", read the path from meta.
    service {
      name     = "vault-pki-monitor-metrics"
      provider = var.service_provider
      port     = "http"
      tags     = ["prometheus", "prometheus.io/scrape=true", "prometheus.io/path=/metrics"]

      meta {
        metrics_path      = "/metrics"
        metrics_scheme    = "http"
        prometheus_scrape = "true"
      }

      identity {
        aud = ["consul.io"]
        ttl = "1h"
      }

      check {
        name     = "metrics"
        type     = "http"
        path     = "/metrics"
        interval = "30s"
        timeout  = "5s"
      }
    }

    task "monitor" {
      driver = "docker"
      # Nomad sends SIGINT by default; the JVM shuts Micronaut down cleanly on SIGTERM.
      kill_signal  = "SIGTERM"
      kill_timeout = "20s"

      config {
        image           = var.image
        ports           = ["http"]
        readonly_rootfs = true
        cap_drop        = ["ALL"]
        security_opt    = ["no-new-privileges"]

        # The JVM and Netty write temporary files; everything else is read-only.
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

      vault {
        role        = var.vault_role
        # The app re-reads secrets/vault_token when Nomad renews or replaces it: no restart needed.
        change_mode = "noop"
        # Keep the token out of the environment (visible in `docker inspect`); the app reads the file.
        env         = false
      }

      # Explicit so the job does not depend on the servers' vault.default_identity: the JWT that the Nomad client
      # exchanges for the Vault token. Vault's role binds aud "vault.io".
      identity {
        name = "vault_default"
        aud  = ["vault.io"]
        ttl  = "1h"
      }

      env {
        VAULT_ADDR            = var.vault_addr
        VAULT_NAMESPACE       = var.vault_namespace
        VAULT_AUTH_METHOD     = "token-file"
        VAULT_AUTH_TOKEN_FILE = "${NOMAD_SECRETS_DIR}/vault_token"
        PKI_MOUNT_PATH        = var.pki_mount_path
        MONITOR_INTERVAL      = var.refresh_interval
        MONITOR_PORT          = "8080"
        LOG_FORMAT            = var.log_format
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
