{{/*
The parameter sweep (sweep.enabled, README: "Parameter sweeps"): the backtest tool's Jobs over one volume, off the
trading node group. One run's resources carry its name (sweep.run), so that a new run never meets the immutable pods
of an earlier one, and its slices never mix with another run's results.
*/}}

{{/*
A resource of the run: (dict "root" $ "part" "sweep-report") -> <fullname>-sweep-report-<run>. Short enough for the
Job's pod hostnames (<job>-<index>) and labels, refused rather than cut (a cut name could fall on another run's).
*/}}
{{- define "nova.sweepName" -}}
{{- $name := printf "%s-%s-%s" (include "nova.fullname" .root) .part (toString .root.Values.sweep.run) -}}
{{- if gt (len $name) 56 -}}
{{- fail (printf "%s is longer than 56 characters: shorten sweep.run (or the release name, fullnameOverride)" $name) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/* Where the volume holds the history (backtest --data) and this run's results (slice files and the report). */}}
{{- define "nova.sweepDataDir" -}}
{{- printf "%s/history" .Values.sweep.volume.mountPath -}}
{{- end -}}
{{- define "nova.sweepResultsDir" -}}
{{- printf "%s/sweeps/%s" .Values.sweep.volume.mountPath (toString .Values.sweep.run) -}}
{{- end -}}
{{/* Written by the fetch Job once the history is complete; the slices wait for it. */}}
{{- define "nova.sweepFetchedMarker" -}}
{{- printf "%s/.fetched-%s" (include "nova.sweepDataDir" .) (toString .Values.sweep.run) -}}
{{- end -}}
{{- define "nova.sweepGridFile" -}}
/etc/nova-sweep/grid.json
{{- end -}}

{{/* What a sweep resource is: the backtest tool, of this release, in one role, for one run. */}}
{{- define "nova.sweepRunLabels" -}}
app.kubernetes.io/name: backtest
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
nova-quant.io/sweep-run: {{ toString .root.Values.sweep.run | quote }}
{{- end -}}

{{/*
Labels of a sweep pod: none that a chart upgrade changes (chart version, appVersion), because a Job's pod template
cannot change while the Job exists. part-of and instance put the pods under the release's default-deny policy.
Call with (dict "root" $ "component" "sweep"|"sweep-report"|"sweep-fetch").
*/}}
{{- define "nova.sweepPodLabels" -}}
app.kubernetes.io/part-of: nova-quant
{{ include "nova.sweepRunLabels" . }}
{{- end -}}

{{/* Labels of a sweep Job and its ConfigMap. */}}
{{- define "nova.sweepLabels" -}}
{{ include "nova.commonLabels" .root }}
{{ include "nova.sweepRunLabels" . }}
{{- end -}}

{{- define "nova.sweepImage" -}}
{{ include "nova.image" (dict "root" . "component" "backtest" "values" .Values.sweep) }}
{{- end -}}

{{/*
The pod settings every sweep pod shares: the chart's service account (no token) and pod security context, no service
links, no restarts in place (a failed pod is replaced, and counted against the Job's retries). No sysctls: those are
the trading pods' network tuning, and the unsafe one would keep a pod off every node that does not allow it.
Off the trading node group twice over: no toleration of its taint, and a required node affinity that excludes it
(which still holds if the taint is ever lifted). sweep.nodeSelector and sweep.tolerations pick the nodes it may use.
*/}}
{{- define "nova.sweepPodSettings" -}}
{{- $s := .Values.sweep -}}
serviceAccountName: {{ include "nova.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
enableServiceLinks: false
restartPolicy: Never
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        - matchExpressions:
            - key: {{ .Values.placement.nodeGroupLabel }}
              operator: NotIn
              values: [{{ .Values.placement.nodeGroup | quote }}]
{{- with $s.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $s.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Requests == limits: a sweep pod takes what it reserved from its node and nothing more. Call with a {cpu, memory}. */}}
{{- define "nova.sweepResources" -}}
requests:
  cpu: {{ .cpu | quote }}
  memory: {{ .memory | quote }}
limits:
  cpu: {{ .cpu | quote }}
  memory: {{ .memory | quote }}
{{- end -}}

{{/* The backtest tool's JVM: a batch run's flags (sweep.javaOptions), not the desk's latency-tuned jvm.options. */}}
{{- define "nova.sweepJavaEnv" -}}
- name: JDK_JAVA_OPTIONS
  value: {{ .Values.sweep.javaOptions | quote }}
{{- end -}}

{{- define "nova.sweepVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: sweep-data
  mountPath: {{ .Values.sweep.volume.mountPath }}
{{- end -}}

{{- define "nova.sweepVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 1Gi
- name: sweep-data
  persistentVolumeClaim:
    claimName: {{ default (printf "%s-sweep-data" (include "nova.fullname" .)) .Values.sweep.volume.existingClaim }}
{{- end -}}
