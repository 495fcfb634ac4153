/**
 * Internal URLs that respect the configured base path, so the same build works from a domain's
 * root or from a sub-path with no server rewrites.
 */

/** The base path with exactly one trailing slash (e.g. `/news/`). */
export function basePath(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** Joins a site-relative path (`stories/x/`, `rss.xml`) onto the base path. */
export function href(path = ''): string {
  return `${basePath()}${path.replace(/^\/+/, '')}`;
}

/** URL of a story page. */
export function storyHref(slug: string): string {
  return href(`stories/${encodeURIComponent(slug)}/`);
}

/** URL of a source page. */
export function sourceHref(id: string): string {
  return href(`sources/${encodeURIComponent(id)}/`);
}

/**
 * Anchor id of a source's entry in a story's source list: `s<citation number>`. Short on purpose:
 * a story cites its sources a hundred times or more, and each mark carries this id.
 */
export function sourceAnchor(citationNumber: number): string {
  return `s${citationNumber}`;
}

/** Anchor id of a claim on its story page: the `c<n>` suffix of `<slug>-c<n>`, or the whole id. */
export function claimAnchor(claimId: string, storySlug: string): string {
  return claimId.startsWith(`${storySlug}-`) ? claimId.slice(storySlug.length + 1) : claimId;
}

/** Anchor id of citation mark `sourceNumber` after claim `claimAnchor` (`c3-2`), the target of back links. */
export function markAnchor(claimAnchorId: string, sourceNumber: number): string {
  return `${claimAnchorId}-${sourceNumber}`;
}
