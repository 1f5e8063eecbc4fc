#!/usr/bin/env bash
# Starts the local desk's broker (docker-compose.yml, service kafka): server.properties beside this file plus the
# logins, which only the environment holds; the SCRAM-SHA-512 users are written when the storage is formatted (the
# first start on an empty kafka-data volume); then Kafka in the foreground.
set -euo pipefail

kafka_home=${KAFKA_HOME:-/opt/kafka}
config="$kafka_home/config/nova-server.properties"
users=(admin ingestion signal execution alert)

# Letters, digits and . _ ~ - only: a quote ends the JAAS value, a comma or ] the --add-scram entry.
for user in "${users[@]}"; do
  var="NOVA_KAFKA_${user^^}_PASSWORD"
  if [[ ! "${!var:-}" =~ ^[A-Za-z0-9._~-]+$ ]]; then
    echo "$var must be set to letters, digits and . _ ~ - only (deploy/README.md, local desk)" >&2
    exit 1
  fi
done

# The controller's login never leaves this process: a new random password on every start.
controller_password=$(head -c 24 /dev/urandom | base64 | tr -d '+/=')
admin_login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\""
admin_login+=" password=\"$NOVA_KAFKA_ADMIN_PASSWORD\";"
controller_login="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
controller_login+=" password=\"$controller_password\" user_admin=\"$controller_password\";"
umask 077
{
  cat "$(dirname "$0")/server.properties"
  echo "listener.name.internal.scram-sha-512.sasl.jaas.config=$admin_login"
  echo "listener.name.controller.plain.sasl.jaas.config=$controller_login"
} > "$config"
# The healthcheck's login.
printf '%s\n' security.protocol=SASL_PLAINTEXT sasl.mechanism=SCRAM-SHA-512 "sasl.jaas.config=$admin_login" \
  > "$kafka_home/config/admin-client.properties"

# Users are added only to an empty log directory: on an existing volume a changed password here changes nothing
# (rotate with kafka-configs.sh, or start over with docker compose down -v; deploy/README.md).
scram=()
for user in "${users[@]}"; do
  var="NOVA_KAFKA_${user^^}_PASSWORD"
  scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=${!var}]")
done
"$kafka_home/bin/kafka-storage.sh" format --config "$config" --cluster-id "${CLUSTER_ID:?}" --ignore-formatted \
  "${scram[@]}"
exec "$kafka_home/bin/kafka-server-start.sh" "$config"
