{{/*
Kernel tuning inside the trading pods (README: "Kernel tuning"). One source for the values: sysctls.safe and
sysctls.unsafe (namespaced, set in the pod) and nodeTuning.sysctls (node-level, set on the node); the verifier checks
exactly these, the apply route writes exactly the namespaced ones.
*/}}

{{/* Components whose image carries service-support (and so NodeTuningCheck); the simulator's does not. */}}
{{- define "nova.supportComponents" -}}
ingestion signal execution alert
{{- end -}}

{{/* The image the verifier runs in: the pod's own, or execution's for a component without service-support. */}}
{{- define "nova.verifierImage" -}}
{{- if has .component (splitList " " (include "nova.supportComponents" .)) -}}
{{ include "nova.image" . }}
{{- else -}}
{{ include "nova.image" (dict "root" .root "component" "execution") }}
{{- end -}}
{{- end -}}

{{/*
The verifier's expectations, one argument each, with the scope that sets it (the fix it names depends on it):
--node (nodeTuning.sysctls), --pod (sysctls.safe), --pod-unsafe (sysctls.unsafe); nodeTuning.verify.skip left out.
*/}}
{{- define "nova.verifyNodeTuningArgs" -}}
{{- $skip := .Values.nodeTuning.verify.skip | default list -}}
{{- range $name, $value := .Values.nodeTuning.sysctls }}
{{- if not (has $name $skip) }}
- {{ printf "--node=%s=%s" $name $value | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .Values.sysctls.safe }}
{{- if not (has $name $skip) }}
- {{ printf "--pod=%s=%s" $name $value | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .Values.sysctls.unsafe }}
{{- if not (has $name $skip) }}
- {{ printf "--pod-unsafe=%s=%s" $name $value | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
verify-node-tuning: reads /proc/sys from inside the pod (its own network namespace, and the node's global settings)
before the service starts. A mismatch exits 1, so the pod does not start; the report (each setting, expected and
actual value, the fix) is the container's termination message and log. Unprivileged, like the service itself.
Call with (dict "root" $ "component" "ingestion").
*/}}
{{- define "nova.verifyNodeTuningContainer" -}}
{{- $v := .root.Values.nodeTuning.verify -}}
- name: verify-node-tuning
  image: {{ include "nova.verifierImage" . }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  # com.novaquant.support.node.NodeTuningCheck (service-support): plain Java, no Spring.
  command: ["java", "-cp", "/app/BOOT-INF/lib/*", "com.novaquant.support.node.NodeTuningCheck"]
  args:
    - --termination-log=/dev/termination-log
    {{- include "nova.verifyNodeTuningArgs" .root | trim | nindent 4 }}
  env:
    # A short check: none of the service's JVM flags (ZGC, a pre-touched heap), a quick start.
    - name: JDK_JAVA_OPTIONS
      value: "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=50 -XX:+PerfDisableSharedMem"
  terminationMessagePath: /dev/termination-log
  terminationMessagePolicy: FallbackToLogsOnError
  resources:
    requests:
      cpu: {{ $v.resources.cpu | quote }}
      memory: {{ $v.resources.memory | quote }}
    limits:
      cpu: {{ $v.resources.cpu | quote }}
      memory: {{ $v.resources.memory | quote }}
  securityContext:
    {{- toYaml .root.Values.containerSecurityContext | nindent 4 }}
{{- end -}}

{{/*
apply-sysctls (sysctls.apply.enabled): the privileged route for the namespaced sysctls. Writes sysctls.safe and
sysctls.unsafe into the pod's network namespace (not the host's: the pod has no hostNetwork) with busybox's sysctl,
as the node-tuning DaemonSet does on the node; runs before the verifier. Needs a namespace that admits privileged
pods, but no allowedUnsafeSysctls on the kubelet.
*/}}
{{- define "nova.applySysctlsContainer" -}}
- name: apply-sysctls
  image: {{ default .Values.nodeTuning.image .Values.sysctls.apply.image }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command:
    - sh
    - -ec
    - |
      {{- range $key, $value := .Values.sysctls.safe }}
      sysctl -w {{ $key }}={{ $value | quote }}
      {{- end }}
      {{- range $key, $value := .Values.sysctls.unsafe }}
      sysctl -w {{ $key }}={{ $value | quote }}
      {{- end }}
  securityContext:
    # /proc/sys is writable in a privileged container only.
    privileged: true
    runAsUser: 0
    runAsNonRoot: false
    readOnlyRootFilesystem: true
  resources:
    requests:
      cpu: 10m
      memory: 16Mi
    limits:
      cpu: 10m
      memory: 16Mi
{{- end -}}
