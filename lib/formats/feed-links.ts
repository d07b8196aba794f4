// Where the feeds live, for `<link rel="alternate">` autodiscovery in the public pages' <head> and for
// the feeds' own self links.

export interface FeedAlternate {
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
  title: string;
  href: string;
}

/** The site-wide incident history feeds. */
export function feedAlternates(baseUrl: string): { rss: FeedAlternate; atom: FeedAlternate; json: FeedAlternate } {
  return {
    rss: { type: "application/rss+xml", title: "Incident history (RSS)", href: `${baseUrl}/history.rss` },
    atom: { type: "application/atom+xml", title: "Incident history (Atom)", href: `${baseUrl}/history.atom` },
    json: { type: "application/feed+json", title: "Incident history (JSON Feed)", href: `${baseUrl}/history.json` },
  };
}

/** One component's incident feeds, for its page. */
export function componentFeedAlternates(baseUrl: string, component: { slug: string; name: string }): { rss: FeedAlternate; atom: FeedAlternate } {
  const base = `${baseUrl}/components/${component.slug}/history`;
  return {
    rss: { type: "application/rss+xml", title: `${component.name} incidents (RSS)`, href: `${base}.rss` },
    atom: { type: "application/atom+xml", title: `${component.name} incidents (Atom)`, href: `${base}.atom` },
  };
}
