// The ready-to-paste configuration shown once with a new integration's token: the sender's own
// format (Alertmanager receiver, Grafana contact point, Uptime Kuma notification, curl), the same
// snippets as the README's "Alerts from monitoring".
import { INTEGRATION_PATH } from "@/lib/alerts/integrations";
import type { IntegrationKind } from "@/lib/validation/integrations";

export function integrationUrl(publicUrl: string, kind: IntegrationKind): string {
  return `${publicUrl}/api/integrations/${INTEGRATION_PATH[kind]}`;
}

/** What to paste into the sender, as it reads there, with the URL and the token filled in. */
const SETUP: Record<IntegrationKind, (url: string, token: string) => string> = {
  alertmanager: (url, token) => `# alertmanager.yml: add this receiver and route alerts to it
receivers:
  - name: beacon
    webhook_configs:
      - url: ${url}
        send_resolved: true
        http_config:
          authorization:
            credentials: ${token}`,
  grafana: (url, token) => `# Grafana: Alerting → Contact points → New → Webhook, or provision it:
apiVersion: 1
contactPoints:
  - orgId: 1
    name: beacon
    receivers:
      - uid: beacon
        type: webhook
        settings:
          url: ${url}
          httpMethod: POST
          authorization_scheme: Bearer
          authorization_credentials: ${token}`,
  uptime_kuma: (url, token) => `Uptime Kuma: Settings → Notifications → Setup Notification
  Notification Type: Webhook
  Post URL: ${url}
  Request Body: Preset - application/json
  Additional Headers (JSON):
    { "Authorization": "Bearer ${token}" }
If your version cannot set headers, put the token in the URL instead:
  Post URL: ${url}?token=${token}`,
  generic: (url, token) => `curl -sS -X POST ${url} \\
  -H 'Authorization: Bearer ${token}' \\
  -H 'Content-Type: application/json' \\
  -d '{"alerts":[{"id":"backup-nightly","status":"firing","labels":{"alertname":"BackupFailed","severity":"warning"},"summary":"Nightly backup failed"}]}'`,
};

export function setupText(kind: IntegrationKind, url: string, token: string): string {
  return SETUP[kind](url, token);
}
