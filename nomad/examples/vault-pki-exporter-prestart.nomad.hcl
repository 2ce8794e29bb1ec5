# Example: certificates on disk before the app starts, without an exporter service. A `prestart` task (sidecar =
# false) runs vault-pki-exporter with `--once`: it brings the export up to date, writes the files and exits; Nomad
# starts the app task only when it exited 0 (every export has valid files). Nothing listens, nothing renews while
# the allocation runs: a new allocation gets new certificates, so pick a ttl longer than the allocation lives (or
# run the exporter service, ../vault-pki-exporter.nomad.hcl, for long-lived tasks).
# Run:  nomad job run -var vault_addr=https://vault.example.com:8200 examples/vault-pki-exporter-prestart.nomad.hcl
#
# Where the files go: a task's secrets/ directory (${NOMAD_SECRETS_DIR}, tmpfs) is private to that task, so a
# sibling cannot read what the prestart task writes there. The exporter keeps its own secrets there (the Vault token
# Nomad writes, the rendered configuration) and writes the certificates into the allocation's shared alloc/
# directory, ${NOMAD_ALLOC_DIR}/certs, which the app task sees as /alloc/certs. Keys are 0600 and owned by
# run_as_user: run the app as the same user, or set files_group to a group the app runs in (keys then 0640).
# alloc/ is on the client's disk and `nomad alloc fs` reads it with the read-fs capability: grant read-fs in this
# namespace to no one who may not hold the keys. Vault access works as in ../vault-pki-exporter.nomad.hcl (vault
# block with workload identity, token file in secrets/, VAULT_AUTH_METHOD=token-file); the Vault JWT role must
# bind this job's ID (nomad_job_id = var.job_name) and carry the vault-pki-exporter policy.

variable "job_name" {
  description = "Job ID; the Vault JWT role binds nomad_job_id to it, so change both together."
  type        = string
  default     = "web-with-certificates"
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

variable "exporter_image" {
  description = "Container image of vault-pki-exporter (repository:tag or repository@digest)."
  type        = string
  default     = "ghcr.io/vault-pki/vault-pki-exporter:0.1.0"
}

variable "app_image" {
  description = "Container image of the app that reads the certificates."
  type        = string
  default     = "nginxinc/nginx-unprivileged:1.27"
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
  description = "Role of Vault's JWT auth method for Nomad workload identity; it must bind this job's ID."
  type        = string
  default     = "web-with-certificates"
}

variable "export_name" {
  description = "Name of the export (its directory under alloc/certs), passed as --export."
  type        = string
  default     = "web"
}

variable "pki_mount_path" {
  description = "PKI secrets engine mount the certificate is issued from."
  type        = string
  default     = "pki_int"
}

variable "pki_role" {
  description = "PKI role that issues the certificate."
  type        = string
  default     = "web"
}

variable "common_name" {
  description = "Common name of the certificate."
  type        = string
  default     = "web.service.consul"
}

variable "ttl" {
  description = "Lifetime of the certificate (Go duration); longer than an allocation lives, nothing renews it."
  type        = string
  default     = "720h"
}

variable "run_as_user" {
  description = "uid:gid both tasks run as (non-root): the app reads the keys the exporter writes as this user."
  type        = string
  default     = "65534:65534"
}

variable "files_group" {
  description = "Group owner of the exported files (EXPORTER_FILES_GROUP) for an app running as another user in that group; empty for none."
  type        = string
  default     = ""
}

job "web-with-certificates" {
  id          = var.job_name
  name        = var.job_name
  type        = "service"
  namespace   = var.namespace
  datacenters = var.datacenters

  group "web" {
    count = 1

    # The app's port. The exporter task has none: `--once` never opens one.
    network {
      port "https" {
        to = 8443
      }
    }

    task "certificates" {
      # Runs before the app, to completion; a non-zero exit fails the task and the restart block below retries it
      # (its log has one line per failed export: "export web: <reason>"). A second run in the same allocation
      # finds the files of the first and leaves valid ones alone.
      lifecycle {
        hook    = "prestart"
        sidecar = false
      }

      driver = "docker"

      config {
        image = var.exporter_image
        # The image's ENTRYPOINT is java @/app/jvm.options -XX:SharedArchiveFile=/app/app.jsa -jar /app/app.jar.
        args            = ["--once", "--export", var.export_name]
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

      # The exporter's configuration, the same settings as the service's (docs/exporter-configuration.md).
      template {
        destination = "${NOMAD_SECRETS_DIR}/exporter.yml"
        change_mode = "noop"
        perms       = "0444"
        data        = <<-EOT
        exporter:
          exports:
            ${var.export_name}:
              source: issue
              mount: ${var.pki_mount_path}
              role: ${var.pki_role}
              common-name: ${var.common_name}
              ttl: ${var.ttl}
              formats: [pem, fullchain]
        EOT
      }

      env {
        VAULT_ADDR             = var.vault_addr
        VAULT_NAMESPACE        = var.vault_namespace
        VAULT_AUTH_METHOD      = "token-file"
        VAULT_AUTH_TOKEN_FILE  = "${NOMAD_SECRETS_DIR}/vault_token"
        CERT_EXPORT_PATH       = "${NOMAD_ALLOC_DIR}/certs"
        EXPORTER_FILES_GROUP   = var.files_group
        MICRONAUT_CONFIG_FILES = "${NOMAD_SECRETS_DIR}/exporter.yml"
      }

      # One short JVM run; the image sizes the heap from this limit (docs/benchmark.md).
      resources {
        cpu    = 250
        memory = 192
      }
    }

    task "web" {
      driver = "docker"

      config {
        image        = var.app_image
        ports        = ["https"]
        cap_drop     = ["ALL"]
        security_opt = ["no-new-privileges"]
        volumes      = ["local/tls.conf:/etc/nginx/conf.d/tls.conf:ro"]
      }

      user = var.run_as_user

      # The docker driver mounts alloc/ at /alloc. Stable paths: the links in <export>/ always point at the
      # current complete version (docs/exporter-files.md).
      template {
        destination = "local/tls.conf"
        data        = <<-EOT
        server {
          listen 8443 ssl;
          ssl_certificate     /alloc/certs/${var.export_name}/fullchain.pem;
          ssl_certificate_key /alloc/certs/${var.export_name}/key.pem;
          location / {
            return 200 "ok\n";
          }
        }
        EOT
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
