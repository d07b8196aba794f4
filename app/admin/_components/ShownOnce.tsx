// A new secret (API token, integration token, webhook signing secret) in the one answer that shows
// it: it is never stored in the clear, so it cannot be shown again.
import type { ReactNode } from "react";

interface Props {
  label: string;
  secret: string;
  /** Names the `data-…` attribute that marks the secret for tests ("new-token" → data-new-token). */
  marker: string;
  /** What goes with it, e.g. the configuration to paste. */
  children?: ReactNode;
}

export function ShownOnce({ label, secret, marker, children }: Props) {
  return (
    <div className="space-y-2">
      <p className="font-medium">{label}</p>
      <code {...{ [`data-${marker}`]: "" }} className="block break-all rounded bg-zinc-100 p-2 dark:bg-zinc-800">
        {secret}
      </code>
      {children}
    </div>
  );
}
