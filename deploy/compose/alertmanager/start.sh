#!/bin/sh
# Alertmanager for the local desk (docker-compose.yml): writes its configuration from the environment, since
# Alertmanager reads no variables in its file, then starts it.
#
# Prometheus sends it every alert. The alerts about the alerting path itself (DIRECT_PAGE_ALERTS: alert-service gone,
# Telegram failing, a CRITICAL undelivered) go straight to the operators' Telegram chats, because when alert-service
# is what failed nothing else would tell anyone. Every other alert already pages through alert-service, so it goes to
# the "null" receiver (visible in Alertmanager's UI, sent nowhere). The Helm chart's AlertmanagerConfig routes the
# same names (values.yaml metrics.alertmanagerConfig.alertNames; a test keeps the two lists equal).
#
# Environment: TELEGRAM_BOT_TOKEN and NOVA_TELEGRAM_CHAT_IDS (comma-separated numeric chat ids), as for alert-service.
# Without them Alertmanager still runs and routes, but sends nothing (a warning says so).
set -eu

DIRECT_PAGE_ALERTS='NovaAlertServiceAbsent|NovaTelegramDeliveryFailing|NovaTelegramNotReady|NovaAlertIntakeFailing|NovaCriticalAlertUndelivered|NovaCriticalAlertUnacknowledged'

ALERTMANAGER_BIN="${ALERTMANAGER_BIN:-/bin/alertmanager}"
ALERTMANAGER_CONFIG="${ALERTMANAGER_CONFIG:-/tmp/alertmanager.yml}"
ALERTMANAGER_STORAGE="${ALERTMANAGER_STORAGE:-/alertmanager}"
ALERTMANAGER_LISTEN="${ALERTMANAGER_LISTEN:-:9093}"
TELEGRAM_API_URL="${TELEGRAM_API_URL:-https://api.telegram.org}"
GROUP_WAIT="${NOVA_ALERTMANAGER_GROUP_WAIT:-30s}"
REPEAT_INTERVAL="${NOVA_ALERTMANAGER_REPEAT_INTERVAL:-1h}"
token="${TELEGRAM_BOT_TOKEN:-}"
chats="$(printf '%s' "${NOVA_TELEGRAM_CHAT_IDS:-}" | tr -d ' \t')"

case "$token" in
  *[!A-Za-z0-9:_-]*)
    echo "TELEGRAM_BOT_TOKEN has characters a Telegram bot token never has (it is <digits>:<letters, digits, _ or ->)" >&2
    exit 64 ;;
esac

umask 077
{
  printf 'route:\n'
  printf '  receiver: "null"\n'
  printf '  group_by: [alertname]\n'
  printf '  group_wait: %s\n' "$GROUP_WAIT"
  printf '  group_interval: 5m\n'
  printf '  repeat_interval: %s\n' "$REPEAT_INTERVAL"
  printf '  routes:\n'
  printf '    - receiver: nova-operators-telegram\n'
  printf '      matchers: ['"'"'alertname=~"(%s)"'"'"']\n' "$DIRECT_PAGE_ALERTS"
  printf 'receivers:\n'
  printf '  - name: "null"\n'
  printf '  - name: nova-operators-telegram\n'
  if [ -n "$token" ] && [ -n "$chats" ]; then
    printf '    telegram_configs:\n'
    for chat in $(printf '%s' "$chats" | tr ',' ' '); do
      case "$chat" in
        ''|*[!0-9-]*|?*-*)
          echo "NOVA_TELEGRAM_CHAT_IDS: '$chat' is not a numeric Telegram chat id" >&2
          exit 64 ;;
      esac
      printf '      - api_url: "%s"\n' "$TELEGRAM_API_URL"
      printf '        bot_token: "%s"\n' "$token"
      printf '        chat_id: %s\n' "$chat"
      printf '        parse_mode: HTML\n'
      printf '        send_resolved: true\n'
    done
  fi
} > "$ALERTMANAGER_CONFIG"

if [ -z "$token" ] || [ -z "$chats" ]; then
  echo "WARNING: TELEGRAM_BOT_TOKEN or NOVA_TELEGRAM_CHAT_IDS is empty: Alertmanager routes the alerting-path alerts" \
       "($DIRECT_PAGE_ALERTS) to no chat" >&2
fi

exec "$ALERTMANAGER_BIN" \
  --config.file="$ALERTMANAGER_CONFIG" \
  --storage.path="$ALERTMANAGER_STORAGE" \
  --web.listen-address="$ALERTMANAGER_LISTEN" \
  --cluster.listen-address=
