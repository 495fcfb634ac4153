/**
 * The order of every list in a `Digest`. The pipeline sorts with these, and the site re-sorts the
 * entries Astro hands it with the same functions (through `src/site/digest-views.ts`), so the pages,
 * the feed and digest.json list things exactly as the pipeline does.
 */
import type { DigestSource, Story, TimelineEvent } from '../types.ts';

/**
 * The digest's order of stories, by weight: most independent reports first (so single-source
 * stories follow every story that two outlets confirmed), then most sources, then newest, undated
 * after dated; ties by slug so output is stable. The home page and digest.json list stories so.
 */
export function compareStories(
  a: Pick<Story, 'independentSourceCount' | 'sourceIds' | 'updated' | 'slug'>,
  b: Pick<Story, 'independentSourceCount' | 'sourceIds' | 'updated' | 'slug'>,
): number {
  return b.independentSourceCount - a.independentSourceCount || b.sourceIds.length - a.sourceIds.length || compareStoriesNewestFirst(a, b);
}

/** Newest story first; undated stories after dated ones; ties by slug. The feed's order. */
export function compareStoriesNewestFirst(a: Pick<Story, 'updated' | 'slug'>, b: Pick<Story, 'updated' | 'slug'>): number {
  const da = a.updated === 'unknown' ? '' : a.updated;
  const db = b.updated === 'unknown' ? '' : b.updated;
  return db.localeCompare(da) || a.slug.localeCompare(b.slug);
}

/** Events by start, then end, then id. */
export function compareEvents(a: Pick<TimelineEvent, 'start' | 'end' | 'id'>, b: Pick<TimelineEvent, 'start' | 'end' | 'id'>): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.id.localeCompare(b.id);
}

/** Sources by id. */
export function compareSources(a: Pick<DigestSource, 'id'>, b: Pick<DigestSource, 'id'>): number {
  return a.id.localeCompare(b.id);
}
