{{/*
Expand the name of the chart.
*/}}
{{- define "vault-pki-monitor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "vault-pki-monitor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Allow the release namespace to be overridden, e.g. when the chart is a dependency of an umbrella chart.
*/}}
{{- define "vault-pki-monitor.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "vault-pki-monitor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "vault-pki-monitor.labels" -}}
helm.sh/chart: {{ include "vault-pki-monitor.chart" . }}
{{ include "vault-pki-monitor.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: monitor
app.kubernetes.io/part-of: vault-pki
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: never add anything here that can change between upgrades, a Deployment's selector is immutable.
*/}}
{{- define "vault-pki-monitor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vault-pki-monitor.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Create the name of the service account to use
*/}}
{{- define "vault-pki-monitor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vault-pki-monitor.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image reference: a digest wins over the tag, the tag defaults to the chart's appVersion. `image.registry` is
prepended only when `image.repository` names no registry itself: the original vault-prometheus-exporter chart
took the full name in `repository` (`ghcr.io/dbschenker/vault-prometheus-exporter`), and a registry is prefixed
once. That chart's own image (its default, in every values file copied from it) is the Python exporter: this
chart runs vault-pki-monitor at its appVersion instead (NOTES.txt says so).
*/}}
{{- define "vault-pki-monitor.image" -}}
{{- if eq (include "vault-pki-monitor.pythonImage" .) "replaced" }}
{{- printf "%s:%s" (include "vault-pki-monitor.defaultImageRepository" .) .Chart.AppVersion }}
{{- else }}
{{- $repository := include "vault-pki-monitor.qualifiedRepository" . }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
`image.repository` with `image.registry` in front, unless the repository's first path component is already a
registry host (it has a "." or a ":", or is "localhost": Docker's rule).
*/}}
{{- define "vault-pki-monitor.qualifiedRepository" -}}
{{- $repository := .Values.image.repository }}
{{- $parts := splitList "/" $repository }}
{{- $first := first $parts }}
{{- $hasRegistry := and (gt (len $parts) 1) (or (contains "." $first) (contains ":" $first) (eq $first "localhost")) }}
{{- if and .Values.image.registry (not $hasRegistry) }}
{{- printf "%s/%s" .Values.image.registry $repository }}
{{- else }}
{{- $repository }}
{{- end }}
{{- end }}

{{- define "vault-pki-monitor.defaultImageRepository" -}}
ghcr.io/vault-pki/vault-pki-monitor
{{- end }}

{{/*
"replaced" when image.repository is the original chart's default (the Python exporter's public image), "other"
when it merely looks like the Python exporter (a mirror: kept, NOTES.txt warns), else empty.
*/}}
{{- define "vault-pki-monitor.pythonImage" -}}
{{- if eq .Values.image.repository "ghcr.io/dbschenker/vault-prometheus-exporter" }}replaced
{{- else if regexMatch "(^|/)vault-prometheus-exporter$" .Values.image.repository }}other
{{- end }}
{{- end }}

{{/*
The container port the probes use: with HTTPS on, the main port asks for client certificates that the kubelet
cannot present, so the monitor answers the health endpoints on a separate plain-HTTP port.
*/}}
{{- define "vault-pki-monitor.probePort" -}}
{{- if .Values.tls.enabled }}probes{{ else }}http{{ end }}
{{- end }}

{{/*
The container port: `service.targetPort`, or `port` when a values file of the original vault-prometheus-exporter
chart sets it (deprecated; NOTES.txt says so).
*/}}
{{- define "vault-pki-monitor.containerPort" -}}
{{- if kindIs "invalid" .Values.port }}{{ .Values.service.targetPort }}{{ else }}{{ .Values.port }}{{ end }}
{{- end }}

{{/*
A liveness or readiness probe. Takes a dict: probe (the values), path (the chart's endpoint), port. With only
timings (the chart's form) the probe is an httpGet of path on port. With a handler (httpGet, tcpSocket, exec, grpc:
the original vault-prometheus-exporter chart's full probe specs, e.g. httpGet.path /status) the spec is used as
written, except that timings nested under httpGet (the original chart's default put timeoutSeconds and
periodSeconds there, where Kubernetes ignores them) move up to the probe, where they were meant to be.
*/}}
{{- define "vault-pki-monitor.probe" -}}
{{- $probe := deepCopy .probe }}
{{- if or $probe.httpGet $probe.tcpSocket $probe.exec $probe.grpc }}
{{- if $probe.httpGet }}
{{- $httpGet := $probe.httpGet }}
{{- range $field := list "initialDelaySeconds" "periodSeconds" "timeoutSeconds" "successThreshold" "failureThreshold" "terminationGracePeriodSeconds" }}
{{- if hasKey $httpGet $field }}
{{- $_ := set $probe $field (get $httpGet $field) }}
{{- $_ := unset $httpGet $field }}
{{- end }}
{{- end }}
{{- end }}
{{- toYaml $probe }}
{{- else }}
{{- toYaml (merge (dict "httpGet" (dict "path" .path "port" .port)) $probe) }}
{{- end }}
{{- end }}

{{/*
Environment the app reads, generated from values. A variable the user sets in `env` (the original chart's list)
or `extraEnv` wins: the generated one is left out, so the container never carries the same name twice.
*/}}
{{- define "vault-pki-monitor.env" -}}
{{- $user := dict }}
{{- range (concat (.Values.env | default list) (.Values.extraEnv | default list)) }}
{{- $_ := set $user .name true }}
{{- end }}
{{- $generated := include "vault-pki-monitor.vaultEnv" . | fromYamlArray }}
{{- $generated = append $generated (dict "name" "MONITOR_PORT" "value" (include "vault-pki-monitor.containerPort" .)) }}
{{- with .Values.monitor.interval }}
{{- $generated = append $generated (dict "name" "MONITOR_INTERVAL" "value" .) }}
{{- end }}
{{- with .Values.monitor.pkiMountPath }}
{{- $generated = append $generated (dict "name" "PKI_MOUNT_PATH" "value" .) }}
{{- end }}
{{- with .Values.monitor.readyGrace }}
{{- $generated = append $generated (dict "name" "MONITOR_HEALTH_READY_GRACE" "value" .) }}
{{- end }}
{{- with .Values.logFormat }}
{{- $generated = append $generated (dict "name" "LOG_FORMAT" "value" .) }}
{{- end }}
{{- if .Values.tls.enabled }}
{{- $generated = append $generated (dict "name" "MONITOR_TLS_CERT" "value" (printf "/etc/vault-pki-monitor/tls/%s" .Values.tls.certKey)) }}
{{- $generated = append $generated (dict "name" "MONITOR_TLS_KEY" "value" (printf "/etc/vault-pki-monitor/tls/%s" .Values.tls.keyKey)) }}
{{- $generated = append $generated (dict "name" "MONITOR_HEALTH_PORT" "value" (toString .Values.tls.healthPort)) }}
{{- if or .Values.tls.clientCA.secretName .Values.tls.clientCA.configMapName }}
{{- $generated = append $generated (dict "name" "MONITOR_TLS_CLIENT_CA" "value" (printf "/etc/vault-pki-monitor/client-ca/%s" .Values.tls.clientCA.key)) }}
{{- end }}
{{- with .Values.tls.clientAuth }}
{{- $generated = append $generated (dict "name" "MONITOR_TLS_CLIENT_AUTH" "value" .) }}
{{- end }}
{{- end }}
{{- if .Values.config }}
{{- $generated = append $generated (dict "name" "MICRONAUT_CONFIG_FILES" "value" "/etc/vault-pki-monitor/config/application.yml") }}
{{- end }}
{{- if .Values.healthChecks.cliConfig }}
{{- $generated = append $generated (dict "name" "MONITOR_HEALTH_CHECKS_CONFIG_FILE" "value" "/etc/vault-pki-monitor/config/health-checks.json") }}
{{- end }}
{{- with .Values.javaToolOptions }}
{{- $generated = append $generated (dict "name" "JAVA_TOOL_OPTIONS" "value" .) }}
{{- end }}
{{- $out := list }}
{{- range $generated }}
{{- if not (hasKey $user .name) }}
{{- $out = append $out . }}
{{- end }}
{{- end }}
{{- $out = concat $out (.Values.env | default list) (.Values.extraEnv | default list) }}
{{- if $out }}
{{- toYaml $out }}
{{- end }}
{{- end }}

{{/*
Vault connection and login (README "vault-client settings"). The VAULT_* names are the Vault CLI's; the
VAULT_AUTH_* names are Micronaut's mapping of the vault.auth.* settings.
*/}}
{{- define "vault-pki-monitor.vaultEnv" -}}
{{- $v := .Values.vault }}
{{- $auth := $v.auth }}
{{- $env := list }}
{{- with $v.address }}{{ $env = append $env (dict "name" "VAULT_ADDR" "value" .) }}{{ end }}
{{- with $v.namespace }}{{ $env = append $env (dict "name" "VAULT_NAMESPACE" "value" .) }}{{ end }}
{{- if or $v.caCert.secretName $v.caCert.configMapName }}
{{- $env = append $env (dict "name" "VAULT_CACERT" "value" (printf "/etc/vault-pki/vault-ca/%s" $v.caCert.key)) }}
{{- end }}
{{- if $v.clientTls.secretName }}
{{- $env = append $env (dict "name" "VAULT_CLIENT_CERT" "value" "/etc/vault-pki/vault-client/tls.crt") }}
{{- $env = append $env (dict "name" "VAULT_CLIENT_KEY" "value" "/etc/vault-pki/vault-client/tls.key") }}
{{- end }}
{{- with $v.tlsServerName }}{{ $env = append $env (dict "name" "VAULT_TLS_SERVER_NAME" "value" .) }}{{ end }}
{{- if $v.skipVerify }}{{ $env = append $env (dict "name" "VAULT_SKIP_VERIFY" "value" "true") }}{{ end }}
{{- with $v.readTimeout }}{{ $env = append $env (dict "name" "VAULT_CLIENT_TIMEOUT" "value" .) }}{{ end }}
{{- if not (kindIs "invalid" $v.maxRetries) }}{{ $env = append $env (dict "name" "VAULT_MAX_RETRIES" "value" (toString $v.maxRetries)) }}{{ end }}
{{- $env = append $env (dict "name" "VAULT_AUTH_METHOD" "value" $auth.method) }}
{{- if has $auth.method (list "kubernetes" "jwt" "auto") }}
{{- with $auth.role }}{{ $env = append $env (dict "name" "VAULT_ROLE" "value" .) }}{{ end }}
{{- end }}
{{- if $auth.mountPath }}
{{- if has $auth.method (list "kubernetes" "auto") }}
{{- $env = append $env (dict "name" "VAULT_MOUNT_POINT" "value" $auth.mountPath) }}
{{- else }}
{{- $env = append $env (dict "name" "VAULT_AUTH_MOUNT" "value" $auth.mountPath) }}
{{- end }}
{{- end }}
{{- if and (eq $auth.method "token") $auth.tokenSecret.name }}
{{- $env = append $env (dict "name" "VAULT_TOKEN" "valueFrom" (dict "secretKeyRef" (dict "name" $auth.tokenSecret.name "key" $auth.tokenSecret.key))) }}
{{- end }}
{{- if and (eq $auth.method "token-file") $auth.tokenSecret.name }}
{{- $env = append $env (dict "name" "VAULT_AUTH_TOKEN_FILE" "value" "/etc/vault-pki/vault-auth/token") }}
{{- end }}
{{- if eq $auth.method "approle" }}
{{- with $auth.appRole.roleId }}{{ $env = append $env (dict "name" "VAULT_AUTH_ROLE_ID" "value" .) }}{{ end }}
{{- if $auth.appRole.secretIdSecret.name }}
{{- $env = append $env (dict "name" "VAULT_AUTH_SECRET_ID_FILE" "value" "/etc/vault-pki/vault-auth/secret-id") }}
{{- end }}
{{- end }}
{{- if eq $auth.method "userpass" }}
{{- with $auth.userpass.username }}{{ $env = append $env (dict "name" "VAULT_AUTH_USERNAME" "value" .) }}{{ end }}
{{- if $auth.userpass.passwordSecret.name }}
{{- $env = append $env (dict "name" "VAULT_AUTH_PASSWORD_FILE" "value" "/etc/vault-pki/vault-auth/password") }}
{{- end }}
{{- end }}
{{- if and (eq $auth.method "cert") $auth.certName }}
{{- $env = append $env (dict "name" "VAULT_AUTH_CERT_NAME" "value" $auth.certName) }}
{{- end }}
{{- if has $auth.method (list "kubernetes" "jwt") }}
{{- if $auth.jwtAudience }}
{{- $env = append $env (dict "name" "VAULT_AUTH_JWT_FILE" "value" "/etc/vault-pki/vault-auth/jwt") }}
{{- else if $auth.jwtFile }}
{{- $env = append $env (dict "name" "VAULT_AUTH_JWT_FILE" "value" $auth.jwtFile) }}
{{- end }}
{{- end }}
{{- toYaml $env }}
{{- end }}

{{/*
Whether the projected vault-auth volume has any source.
*/}}
{{- define "vault-pki-monitor.vaultAuthSources" -}}
{{- $auth := .Values.vault.auth }}
{{- $sources := list }}
{{- if and (eq $auth.method "token-file") $auth.tokenSecret.name }}
{{- $sources = append $sources (dict "secret" (dict "name" $auth.tokenSecret.name "items" (list (dict "key" $auth.tokenSecret.key "path" "token")))) }}
{{- end }}
{{- if and (eq $auth.method "approle") $auth.appRole.secretIdSecret.name }}
{{- $sources = append $sources (dict "secret" (dict "name" $auth.appRole.secretIdSecret.name "items" (list (dict "key" $auth.appRole.secretIdSecret.key "path" "secret-id")))) }}
{{- end }}
{{- if and (eq $auth.method "userpass") $auth.userpass.passwordSecret.name }}
{{- $sources = append $sources (dict "secret" (dict "name" $auth.userpass.passwordSecret.name "items" (list (dict "key" $auth.userpass.passwordSecret.key "path" "password")))) }}
{{- end }}
{{- if and (has $auth.method (list "kubernetes" "jwt")) $auth.jwtAudience }}
{{- $sources = append $sources (dict "serviceAccountToken" (dict "audience" $auth.jwtAudience "expirationSeconds" 3600 "path" "jwt")) }}
{{- end }}
{{- if $sources }}
{{- toYaml $sources }}
{{- end }}
{{- end }}

{{/*
Volumes for Vault's CA, the client certificate and the login credentials.
*/}}
{{- define "vault-pki-monitor.vaultVolumes" -}}
{{- $v := .Values.vault }}
{{- if $v.caCert.secretName }}
- name: vault-ca
  secret:
    secretName: {{ $v.caCert.secretName }}
    items:
      - key: {{ $v.caCert.key }}
        path: {{ $v.caCert.key }}
{{- else if $v.caCert.configMapName }}
- name: vault-ca
  configMap:
    name: {{ $v.caCert.configMapName }}
    items:
      - key: {{ $v.caCert.key }}
        path: {{ $v.caCert.key }}
{{- end }}
{{- if $v.clientTls.secretName }}
- name: vault-client-tls
  secret:
    secretName: {{ $v.clientTls.secretName }}
    items:
      - key: tls.crt
        path: tls.crt
      - key: tls.key
        path: tls.key
{{- end }}
{{- with include "vault-pki-monitor.vaultAuthSources" . }}
- name: vault-auth
  projected:
    sources:
      {{- . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "vault-pki-monitor.vaultVolumeMounts" -}}
{{- $v := .Values.vault }}
{{- if or $v.caCert.secretName $v.caCert.configMapName }}
- name: vault-ca
  mountPath: /etc/vault-pki/vault-ca
  readOnly: true
{{- end }}
{{- if $v.clientTls.secretName }}
- name: vault-client-tls
  mountPath: /etc/vault-pki/vault-client
  readOnly: true
{{- end }}
{{- if include "vault-pki-monitor.vaultAuthSources" . }}
- name: vault-auth
  mountPath: /etc/vault-pki/vault-auth
  readOnly: true
{{- end }}
{{- end }}

{{/*
One alerting rule of the PrometheusRule, or nothing when prometheusRule.alerts.<name>.enabled is false. Takes a dict:
root (the chart context), name, expr, summary, description. The runbook anchor is the lower-cased alert name.
*/}}
{{- define "vault-pki-monitor.alertRule" -}}
{{- $values := .root.Values.prometheusRule }}
{{- $alert := index $values.alerts .name }}
{{- if $alert.enabled }}
{{- $labels := merge (dict "severity" $alert.severity) ($values.additionalRuleLabels | default dict) }}
{{- $annotations := dict "summary" .summary "description" .description "runbook_url" (printf "%sdocs/alerts.md#%s" $values.runbookBaseUrl (lower .name)) }}
{{- toYaml (list (dict "alert" .name "expr" .expr "for" $alert.for "labels" $labels "annotations" $annotations)) }}
{{- end }}
{{- end }}

{{/*
What NOTES.txt says about values written for the original vault-prometheus-exporter chart: what the chart mapped,
and what may surprise. Empty when nothing applies.
*/}}
{{- define "vault-pki-monitor.migrationNotes" -}}
{{- $notes := list }}
{{- $python := include "vault-pki-monitor.pythonImage" . }}
{{- if eq $python "replaced" }}
{{- $notes = append $notes (printf "image.repository is the Python exporter's image (%s): this chart runs %s instead. Set image.repository (or remove it) to silence this note." .Values.image.repository (include "vault-pki-monitor.image" .)) }}
{{- else if eq $python "other" }}
{{- $notes = append $notes (printf "WARNING: image.repository %s looks like the Python vault-prometheus-exporter; this chart needs the vault-pki-monitor image (ghcr.io/vault-pki/vault-pki-monitor), whose probes and settings it uses." .Values.image.repository) }}
{{- end }}
{{- if not (kindIs "invalid" .Values.port) }}
{{- $notes = append $notes (printf "port (the original chart's name) is deprecated: it sets the container port and MONITOR_PORT to %v. Rename it to service.targetPort." .Values.port) }}
{{- end }}
{{- range $name := list "livenessProbe" "readinessProbe" }}
{{- $probe := index $.Values $name }}
{{- if and $probe.httpGet (kindIs "map" $probe.httpGet) }}
{{- $nested := list }}
{{- range $field := list "initialDelaySeconds" "periodSeconds" "timeoutSeconds" "successThreshold" "failureThreshold" }}
{{- if hasKey $probe.httpGet $field }}{{ $nested = append $nested $field }}{{ end }}
{{- end }}
{{- if $nested }}
{{- $notes = append $notes (printf "%s.httpGet holds %s, which Kubernetes ignores there (the original chart's default put them there): the chart moved them up to %s." $name (join ", " $nested) $name) }}
{{- end }}
{{- if and (eq $name "livenessProbe") (eq (toString $probe.httpGet.path) "/status") }}
{{- $notes = append $notes "livenessProbe checks /status, which answers 500 (NOK) while Vault is unreachable, so Kubernetes restarts the monitor during a Vault outage, as it did the Python exporter. Remove livenessProbe.httpGet to probe /health/liveness, which never depends on Vault." }}
{{- end }}
{{- end }}
{{- end }}
{{- with .Values.resources.limits }}
{{- $memory := toString (.memory | default "") }}
{{- if regexMatch "^[0-9]+Mi$" $memory }}
{{- if lt (atoi (trimSuffix "Mi" $memory)) 192 }}
{{- $notes = append $notes (printf "WARNING: resources.limits.memory %s was enough for the Python exporter; the JVM needs at least 192Mi (the chart's default): about 110 MiB of its own besides the heap, which gets 40 %% of the limit." $memory) }}
{{- end }}
{{- end }}
{{- end }}
{{- if $notes }}

Values of the original vault-prometheus-exporter chart (see the chart README, "Migrating from vault-prometheus-exporter"):
{{- range $notes }}
  - {{ . }}
{{- end }}
{{- end }}
{{- end }}
