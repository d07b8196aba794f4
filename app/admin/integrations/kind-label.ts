// How each kind of integration is named in the admin.
import type { IntegrationKind } from "@/lib/validation/integrations";

export const KIND_LABEL: Record<IntegrationKind, string> = {
  alertmanager: "Prometheus Alertmanager",
  grafana: "Grafana alerting",
  uptime_kuma: "Uptime Kuma",
  generic: "Generic JSON",
};
