// The small controls of the public pages' GET forms (the history's component filter, the reader's
// time zone): one look for both, and plain form controls, so they work without JavaScript.
import type { ReactNode } from "react";

export const CHOICE_SELECT_CLASS = "rounded border border-zinc-400 bg-white px-2 py-1 dark:bg-zinc-900";

export function ApplyButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded bg-zinc-800 px-3 py-1 text-white dark:bg-zinc-200 dark:text-zinc-900">
      {children}
    </button>
  );
}
