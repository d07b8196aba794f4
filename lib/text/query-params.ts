// PURE: a same-site address with one query parameter set or removed, the rest kept in order.

/** `path` with its query's `name` set to `value` (or removed when undefined). */
export function withQueryParam(path: string, name: string, value: string | undefined): string {
  const url = new URL(path, "http://x");
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}
