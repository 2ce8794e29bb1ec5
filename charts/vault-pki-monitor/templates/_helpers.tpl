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
The image reference: a digest wins over the tag, the tag defaults to the chart's appVersion.
*/}}
{{- define "vault-pki-monitor.image" -}}
{{- $repository := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag | toString) }}
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
Environment the app reads, generated from values. A variable the user sets in `env` (the original chart's list)
or `extraEnv` wins: the generated one is left out, so the container never carries the same name twice.
*/}}
{{- define "vault-pki-monitor.env" -}}
{{- $user := dict }}
{{- range (concat (.Values.env | default list) (.Values.extraEnv | default list)) }}
{{- $_ := set $user .name true }}
{{- end }}
{{- $generated := include "vault-pki-monitor.vaultEnv" . | fromYamlArray }}
{{- $generated = append $generated (dict "name" "MONITOR_PORT" "value" (toString .Values.service.targetPort)) }}
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
