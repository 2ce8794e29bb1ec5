{{/*
Expand the name of the chart.
*/}}
{{- define "vault-pki-exporter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "vault-pki-exporter.fullname" -}}
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
{{- define "vault-pki-exporter.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "vault-pki-exporter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "vault-pki-exporter.labels" -}}
helm.sh/chart: {{ include "vault-pki-exporter.chart" . }}
{{ include "vault-pki-exporter.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: exporter
app.kubernetes.io/part-of: vault-pki
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: never add anything here that can change between upgrades, a Deployment's selector is immutable.
*/}}
{{- define "vault-pki-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vault-pki-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Create the name of the service account to use
*/}}
{{- define "vault-pki-exporter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vault-pki-exporter.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image reference: a digest wins over the tag, the tag defaults to the chart's appVersion. `image.registry` is
prepended only when `image.repository` names no registry itself (its first path component has a "." or a ":", or
is "localhost": Docker's rule), so a full name such as `registry.example.com/team/vault-pki-exporter` is used as written.
*/}}
{{- define "vault-pki-exporter.image" -}}
{{- $repository := .Values.image.repository }}
{{- $parts := splitList "/" $repository }}
{{- $first := first $parts }}
{{- $hasRegistry := and (gt (len $parts) 1) (or (contains "." $first) (contains ":" $first) (eq $first "localhost")) }}
{{- if and .Values.image.registry (not $hasRegistry) }}
{{- $repository = printf "%s/%s" .Values.image.registry $repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
Environment the app reads, generated from values. A variable the user sets in `env` (the original chart's list)
or `extraEnv` wins: the generated one is left out, so the container never carries the same name twice.
*/}}
{{- define "vault-pki-exporter.env" -}}
{{- $user := dict }}
{{- range (concat (.Values.env | default list) (.Values.extraEnv | default list)) }}
{{- $_ := set $user .name true }}
{{- end }}
{{- $generated := include "vault-pki-exporter.vaultEnv" . | fromYamlArray }}
{{- $x := .Values.exporter }}
{{- $generated = append $generated (dict "name" "EXPORTER_PORT" "value" (toString .Values.service.targetPort)) }}
{{- $generated = append $generated (dict "name" "CERT_EXPORT_PATH" "value" $x.path) }}
{{- with $x.pkiMountPath }}
{{- $generated = append $generated (dict "name" "PKI_MOUNT_PATH" "value" .) }}
{{- end }}
{{- with $x.refreshInterval }}
{{- $generated = append $generated (dict "name" "MONITOR_INTERVAL" "value" .) }}
{{- end }}
{{- with $x.files.group }}
{{- $generated = append $generated (dict "name" "EXPORTER_FILES_GROUP" "value" (toString .)) }}
{{- end }}
{{- with $x.files.keyMode }}
{{- $generated = append $generated (dict "name" "EXPORTER_FILES_KEY_MODE" "value" .) }}
{{- end }}
{{- if $x.files.pkcs12PasswordSecret.name }}
{{- $generated = append $generated (dict "name" "EXPORTER_FILES_PKCS12_PASSWORD_FILE" "value" "/etc/vault-pki-exporter/files/pkcs12-password") }}
{{- end }}
{{- if $x.files.keyPassphraseSecret.name }}
{{- $generated = append $generated (dict "name" "EXPORTER_FILES_KEY_PASSPHRASE_FILE" "value" "/etc/vault-pki-exporter/files/key-passphrase") }}
{{- end }}
{{- if $x.api.allowInsecureKeyTransport }}
{{- $generated = append $generated (dict "name" "EXPORTER_API_ALLOW_INSECURE_KEY_TRANSPORT" "value" "true") }}
{{- end }}
{{- with $x.audit.path }}
{{- $generated = append $generated (dict "name" "EXPORTER_AUDIT_PATH" "value" .) }}
{{- end }}
{{- if include "vault-pki-exporter.applicationConfig" . }}
{{- $generated = append $generated (dict "name" "MICRONAUT_CONFIG_FILES" "value" "/etc/vault-pki-exporter/config/application.yml") }}
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
{{- define "vault-pki-exporter.vaultEnv" -}}
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
{{- define "vault-pki-exporter.vaultAuthSources" -}}
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
{{- define "vault-pki-exporter.vaultVolumes" -}}
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
{{- with include "vault-pki-exporter.vaultAuthSources" . }}
- name: vault-auth
  projected:
    sources:
      {{- . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "vault-pki-exporter.vaultVolumeMounts" -}}
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
{{- if include "vault-pki-exporter.vaultAuthSources" . }}
- name: vault-auth
  mountPath: /etc/vault-pki/vault-auth
  readOnly: true
{{- end }}
{{- end }}


{{/*
The application.yml of the ConfigMap: `config`, plus the declarative exports and the API tokens from values (those
win). Token entries name files of the mounted `exporter.api.tokensSecret`, never the tokens themselves.
*/}}
{{- define "vault-pki-exporter.applicationConfig" -}}
{{- $x := .Values.exporter }}
{{- $exporter := dict }}
{{- with $x.exports }}
{{- $_ := set $exporter "exports" . }}
{{- end }}
{{- with $x.hooks }}
{{- $_ := set $exporter "hooks" . }}
{{- end }}
{{- /* One-shot mode has no API: its tokens are left out, so the init container needs no token files. */}}
{{- if and $x.api.tokens (not .Values.initContainer.enabled) }}
{{- if not $x.api.tokensSecret }}
{{- fail "exporter.api.tokens needs exporter.api.tokensSecret: the Secret holding the token (or hash) files" }}
{{- end }}
{{- $tokens := list }}
{{- range $x.api.tokens }}
{{- $token := dict "name" .name "scopes" .scopes }}
{{- if .tokenKey }}
{{- $_ := set $token "token-file" (printf "/etc/vault-pki-exporter/api-tokens/%s" .tokenKey) }}
{{- else if .sha256Key }}
{{- $_ := set $token "sha256-file" (printf "/etc/vault-pki-exporter/api-tokens/%s" .sha256Key) }}
{{- else }}
{{- fail (printf "exporter.api.tokens %s: set tokenKey or sha256Key" .name) }}
{{- end }}
{{- with .exports }}{{ $_ := set $token "exports" . }}{{ end }}
{{- with .policy }}{{ $_ := set $token "policy" . }}{{ end }}
{{- $tokens = append $tokens $token }}
{{- end }}
{{- $_ := set $exporter "api" (dict "tokens" $tokens) }}
{{- end }}
{{- $config := deepCopy (.Values.config | default dict) }}
{{- if $exporter }}
{{- $config = mergeOverwrite $config (dict "exporter" $exporter) }}
{{- end }}
{{- if $config }}
{{- toYaml $config }}
{{- end }}
{{- end }}

{{/*
One-shot mode (`initContainer.enabled`): the exporter runs `--once` as an init container of an app's pod.

`vault-pki-exporter.initContainer` renders that init container as one list item of `initContainers`;
`vault-pki-exporter.initContainerVolumes` renders the volumes it needs besides the app's certificate volume
(`initContainer.volumeName`), as list items of `volumes`. Both take this chart's root context, which an app or
umbrella chart that has this chart as a dependency passes as `(index .Subcharts "vault-pki-exporter")`:

  initContainers:
    {{- include "vault-pki-exporter.initContainer" (index .Subcharts "vault-pki-exporter") | nindent 4 }}
  volumes:
    - name: certs
      emptyDir: {medium: Memory}
    {{- include "vault-pki-exporter.initContainerVolumes" (index .Subcharts "vault-pki-exporter") | nindent 4 }}

The volume names carry a `vault-pki-exporter-` prefix so they do not clash with the app's own volumes.
*/}}
{{- define "vault-pki-exporter.initContainer" -}}
{{- if not .Values.initContainer.enabled }}
{{- fail "vault-pki-exporter.initContainer: set initContainer.enabled=true in the vault-pki-exporter values (one-shot mode: no service, no API tokens)" }}
{{- end }}
{{- $ic := .Values.initContainer }}
{{- $args := list "--once" }}
{{- range $ic.exports }}
{{- $args = concat $args (list "--export" (toString .)) }}
{{- end }}
{{- $env := list }}
{{- range (include "vault-pki-exporter.env" . | fromYamlArray) }}
{{- if ne .name "EXPORTER_PORT" }}
{{- $env = append $env . }}
{{- end }}
{{- end }}
{{- $mounts := list (dict "name" "vault-pki-exporter-tmp" "mountPath" "/tmp") }}
{{- $mounts = append $mounts (dict "name" $ic.volumeName "mountPath" .Values.exporter.path) }}
{{- if include "vault-pki-exporter.applicationConfig" . }}
{{- $mounts = append $mounts (dict "name" "vault-pki-exporter-config" "mountPath" "/etc/vault-pki-exporter/config" "readOnly" true) }}
{{- end }}
{{- if include "vault-pki-exporter.filesSecretsSources" . }}
{{- $mounts = append $mounts (dict "name" "vault-pki-exporter-files" "mountPath" "/etc/vault-pki-exporter/files" "readOnly" true) }}
{{- end }}
{{- range (include "vault-pki-exporter.vaultVolumeMounts" . | fromYamlArray) }}
{{- $mounts = append $mounts (set . "name" (printf "vault-pki-exporter-%s" .name)) }}
{{- end }}
{{- $mounts = concat $mounts (.Values.extraVolumeMounts | default list) }}
{{- $container := dict "name" $ic.name "image" (include "vault-pki-exporter.image" .) "imagePullPolicy" .Values.image.pullPolicy }}
{{- $_ := set $container "args" $args }}
{{- $_ := set $container "securityContext" .Values.securityContext }}
{{- with $env }}{{ $_ := set $container "env" . }}{{ end }}
{{- with .Values.envFrom }}{{ $_ := set $container "envFrom" . }}{{ end }}
{{- with ($ic.resources | default .Values.resources) }}{{ $_ := set $container "resources" . }}{{ end }}
{{- $_ := set $container "volumeMounts" $mounts }}
{{- toYaml (list $container) }}
{{- end }}

{{- define "vault-pki-exporter.initContainerVolumes" -}}
{{- $volumes := list (dict "name" "vault-pki-exporter-tmp" "emptyDir" (dict "sizeLimit" .Values.tmpSizeLimit)) }}
{{- if include "vault-pki-exporter.applicationConfig" . }}
{{- $volumes = append $volumes (dict "name" "vault-pki-exporter-config" "configMap" (dict "name" (printf "%s-config" (include "vault-pki-exporter.fullname" .)))) }}
{{- end }}
{{- with include "vault-pki-exporter.filesSecretsSources" . }}
{{- $volumes = append $volumes (dict "name" "vault-pki-exporter-files" "projected" (dict "defaultMode" 288 "sources" (fromYamlArray .))) }}
{{- end }}
{{- range (include "vault-pki-exporter.vaultVolumes" . | fromYamlArray) }}
{{- $volumes = append $volumes (set . "name" (printf "vault-pki-exporter-%s" .name)) }}
{{- end }}
{{- $volumes = concat $volumes (.Values.extraVolumes | default list) }}
{{- toYaml $volumes }}
{{- end }}

{{/*
Sources of the projected volume with the PKCS#12 password and the key passphrase (empty: neither is set); the same
files the service's `files-secrets` volume holds.
*/}}
{{- define "vault-pki-exporter.filesSecretsSources" -}}
{{- $files := .Values.exporter.files }}
{{- $sources := list }}
{{- with $files.pkcs12PasswordSecret }}{{ if .name }}
{{- $sources = append $sources (dict "secret" (dict "name" .name "items" (list (dict "key" .key "path" "pkcs12-password")))) }}
{{- end }}{{ end }}
{{- with $files.keyPassphraseSecret }}{{ if .name }}
{{- $sources = append $sources (dict "secret" (dict "name" .name "items" (list (dict "key" .key "path" "key-passphrase")))) }}
{{- end }}{{ end }}
{{- if $sources }}
{{- toYaml $sources }}
{{- end }}
{{- end }}
