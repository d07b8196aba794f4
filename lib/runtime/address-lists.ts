// Lists of network places an operator writes into the environment (BEACON_WEBHOOK_ALLOW): host
// names, IP addresses and CIDR ranges. Checked here, at start, where every variable is validated.
import { isIP } from "node:net";

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Why one allow-list entry is unusable, or null when it is a host name, an IP address or a CIDR range. */
export function allowEntryProblem(entry: string): string | null {
  const [address = "", prefix, extra] = entry.split("/");
  if (isIP(address) === 0) {
    return prefix === undefined && HOST_NAME.test(entry.toLowerCase()) ? null : `"${entry}" is not a host name, IP address or CIDR range`;
  }
  const bits = isIP(address) === 4 ? 32 : 128;
  if (extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
    return `"${entry}" has no valid prefix length (0–${bits})`;
  }
  return null;
}
