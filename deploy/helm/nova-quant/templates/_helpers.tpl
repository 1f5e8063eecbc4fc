{{/*
Naming and labels shared by every template. Components are addressed by their values key (ingestion, signal,
execution, alert, simulator); "nova.components" is the one list of them.
*/}}
{{- define "nova.components" -}}
ingestion signal execution alert simulator
{{- end -}}

{{- define "nova.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nova.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The module (jar and image) name of a component: "signal" -> "signal-service"; the sweep's tool is "backtest". */}}
{{- define "nova.module" -}}
{{- if eq . "simulator" -}}exchange-simulator{{- else if eq . "backtest" -}}backtest{{- else -}}{{ . }}-service{{- end -}}
{{- end -}}

{{/* Resource name of a component. Call with (dict "root" $ "component" "signal"). */}}
{{- define "nova.componentName" -}}
{{- printf "%s-%s" (include "nova.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nova.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: nova-quant
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of a component. Call with (dict "root" $ "component" "signal"). */}}
{{- define "nova.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nova.module" .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "nova.labels" -}}
{{ include "nova.commonLabels" .root }}
{{ include "nova.selectorLabels" . }}
{{- end -}}

{{/*
The image of a component: <registry>/<module>:<tag>, or @digest when image.digests has one for it. Call with (dict
"root" $ "component" "signal"); "values" names the block holding image.repository/tag when it is not the component's
own (the backtest image: sweep).
*/}}
{{- define "nova.image" -}}
{{- $c := .values | default (index .root.Values .component) -}}
{{- $repo := default (printf "%s/%s" .root.Values.image.registry (include "nova.module" .component)) $c.image.repository -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) $c.image.tag -}}
{{- if .root.Values.image.digests -}}
{{- $digest := index .root.Values.image.digests .component | default "" -}}
{{- if $digest -}}{{ printf "%s@%s" $repo $digest }}{{- else -}}{{ printf "%s:%s" $repo $tag }}{{- end -}}
{{- else -}}
{{ printf "%s:%s" $repo $tag }}
{{- end -}}
{{- end -}}

{{- define "nova.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "nova.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "nova.secretName" -}}
{{- required "secrets.existingSecret must name the Secret holding the credentials (see README: Credentials)" .Values.secrets.existingSecret -}}
{{- end -}}

{{/* In-cluster URL of the exchange simulator. */}}
{{- define "nova.simulatorUrl" -}}
{{- printf "http://%s:%v" (include "nova.componentName" (dict "root" . "component" "simulator")) .Values.simulator.port -}}
{{- end -}}
{{- define "nova.simulatorWsUrl" -}}
{{- printf "ws://%s:%v" (include "nova.componentName" (dict "root" . "component" "simulator")) .Values.simulator.port -}}
{{- end -}}

{{/*
The four venue URLs. With binance.venue=simulator they point at the in-cluster simulator (paper trading, demos);
with binance.venue=custom the binance.* URLs are used as given (Binance's production hosts or its testnets).
*/}}
{{- define "nova.venueEnv" -}}
{{- if eq .Values.binance.venue "simulator" }}
- name: NOVA_BINANCE_SPOT_REST_URL
  value: {{ printf "%s/spot" (include "nova.simulatorUrl" .) | quote }}
- name: NOVA_BINANCE_SPOT_WS_URL
  value: {{ printf "%s/spot" (include "nova.simulatorWsUrl" .) | quote }}
- name: NOVA_BINANCE_FUTURES_REST_URL
  value: {{ printf "%s/futures" (include "nova.simulatorUrl" .) | quote }}
- name: NOVA_BINANCE_FUTURES_WS_URL
  value: {{ printf "%s/futures" (include "nova.simulatorWsUrl" .) | quote }}
{{- else }}
- name: NOVA_BINANCE_SPOT_REST_URL
  value: {{ .Values.binance.spot.restUrl | quote }}
- name: NOVA_BINANCE_SPOT_WS_URL
  value: {{ .Values.binance.spot.wsUrl | quote }}
- name: NOVA_BINANCE_FUTURES_REST_URL
  value: {{ .Values.binance.futures.restUrl | quote }}
- name: NOVA_BINANCE_FUTURES_WS_URL
  value: {{ .Values.binance.futures.wsUrl | quote }}
{{- end }}
{{- end -}}

{{/* Reads one key of the credentials Secret into an environment variable. */}}
{{- define "nova.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "nova.secretName" .root }}
      key: {{ index .root.Values.secrets.keys .key }}
      optional: {{ .optional | default false }}
{{- end -}}

{{/*
A service's Kafka login (kafka.auth.enabled): its own user, named after the component, and its own password only, so
the broker's ACLs see which service acts. Optional in paper mode, required live. Call with (dict "root" $ "component"
"signal").
*/}}
{{- define "nova.kafkaLoginEnv" -}}
- name: NOVA_KAFKA_USERNAME
  value: {{ .component | quote }}
{{ include "nova.secretEnv" (dict "root" .root "env" "NOVA_KAFKA_PASSWORD" "key" (printf "kafka%sPassword" (title .component)) "optional" (eq .root.Values.tradingMode "paper")) }}
- name: NOVA_KAFKA_SECURITY_PROTOCOL
  value: {{ .root.Values.kafka.auth.securityProtocol | quote }}
{{- end -}}

{{/* Labels of the Kafka provisioning Job's pod (not a component: no Deployment, Service or PDB). */}}
{{- define "nova.kafkaSetupLabels" -}}
{{ include "nova.commonLabels" . }}
app.kubernetes.io/name: kafka-setup
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: kafka-setup
{{- end -}}

{{/* NetworkPolicy building blocks. */}}
{{- define "nova.np.podPeer" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/instance: {{ .root.Release.Name }}
      app.kubernetes.io/component: {{ .component }}
{{- end -}}
{{/* The TCP port of a URL: the one it names, else its scheme's (https/wss 443, http/ws 80). */}}
{{- define "nova.urlPort" -}}
{{- $url := urlParse . -}}
{{- $host := splitList ":" $url.host -}}
{{- if gt (len $host) 1 -}}{{ last $host }}
{{- else if has $url.scheme (list "https" "wss") -}}443
{{- else -}}80
{{- end -}}
{{- end -}}
{{/*
Public egress to the ports of the given URLs (dict "root" . "urls" (list ...)): Binance's spot streams are on 9443,
its REST APIs and the futures streams on 443. NetworkPolicy has no DNS names, hence the internet CIDR.
*/}}
{{- define "nova.np.internet" -}}
{{- $ports := list -}}
{{- range .urls }}{{ $ports = append $ports (include "nova.urlPort" . | int) }}{{ end -}}
- to:
    - ipBlock:
        cidr: {{ .root.Values.networkPolicy.internetCidr }}
        except:
          {{- toYaml .root.Values.networkPolicy.internetExcept | nindent 10 }}
  ports:
    {{- range ($ports | uniq | sortAlpha) }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end -}}
{{- define "nova.np.kafka" -}}
- to:
    {{- toYaml .Values.kafka.networkPolicyPeers | nindent 4 }}
  ports:
    - protocol: TCP
      port: {{ .Values.kafka.port }}
{{- end -}}
{{- define "nova.np.simulator" -}}
{{- if and .Values.simulator.enabled (eq .Values.binance.venue "simulator") }}
- to:
    {{- include "nova.np.podPeer" (dict "root" . "component" "simulator") | nindent 4 }}
  ports:
    - protocol: TCP
      port: {{ .Values.simulator.port }}
{{- end }}
{{- end -}}

{{/*
kafka.topicConfigs in the one-line form of NOVA_KAFKA_TOPIC_CONFIGS: topic:key=value entries, comma-separated.
*/}}
{{- define "nova.kafkaTopicConfigs" -}}
{{- $entries := list -}}
{{- range $topic, $configs := .Values.kafka.topicConfigs -}}
{{- range $key, $value := $configs -}}
{{- $entries = append $entries (printf "%s:%s=%v" $topic $key $value) -}}
{{- end -}}
{{- end -}}
{{- join "," $entries -}}
{{- end -}}
