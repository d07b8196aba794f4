// A titled part of an admin page: a <section> named by its h2 (so screen readers list it as a
// region), with an optional link beside the heading (e.g. "New incident").
import type { ReactNode } from "react";

interface Props {
  /** The heading's id, which names the section (aria-labelledby); links and tests use it. */
  id: string;
  title: ReactNode;
  /** Shown to the right of the heading; given at all (even `false`), heading and aside share one row. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function AdminSection({ id, title, aside, className = "space-y-4", children }: Props) {
  const heading = (
    <h2 id={id} className="text-xl font-semibold">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={className}>
      {aside === undefined ? (
        heading
      ) : (
        <div className="flex items-center justify-between">
          {heading}
          {aside}
        </div>
      )}
      {children}
    </section>
  );
}
