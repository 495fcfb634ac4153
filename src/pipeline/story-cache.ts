/**
 * Per-story work that can be reused between builds: rewrite detection, claim alignment, merging
 * and timeline extraction for one cluster.
 *
 * That work reads nothing but the cluster's member articles, so its result can be stored under a
 * key derived from the members' own cache keys. Adding one article to a large corpus then reruns
 * these stages for the one story it joins (or starts), not for every story. Like the article
 * cache, the store is injected and this module stays pure.
 */
import { hash } from 'node:crypto';
import type { DerivativeLink, SegmentedArticle, Story, TimelineEvent } from '../types.ts';
import { alignClaims } from './align/align-claims.ts';
import { detectDerivatives } from './derivatives/detect-derivatives.ts';
import { timelineWithDisagreements } from './timeline/extract-timeline.ts';
import { dayConflicts, withConflicts } from './align/find-conflicts/day-disagreements.ts';
import { createMemoryCache, type KeyValueCache } from './memory-cache.ts';
import { mergeStory } from './merge/merge-story.ts';
import { silentObserver, type StageObserver } from './stage-observer.ts';

/** Everything the orchestrator needs from one cluster's stages. */
export interface CachedStory {
  derivatives: DerivativeLink[];
  /** The merged story, `timelineIds` filled in. */
  story: Story;
  events: TimelineEvent[];
}

/** A key–value store for per-story results. `get` returns undefined on a miss. */
export type StoryCache = KeyValueCache<CachedStory>;

/**
 * The cache key of a cluster: a SHA-256 over what its members' article keys are made of (content
 * hash and path), in the order given; one hash per story rather than one per member as well. It
 * must cover every input of `buildStory`; if a stage there ever takes an option, add it here.
 */
export function storyCacheKey(members: readonly SegmentedArticle[]): string {
  let text = 'story\n';
  for (const member of members) text += `${member.contentHash}\n${member.file}\n`;
  return hash('sha256', text);
}

/** Runs the per-cluster stages on one cluster's members (in cluster order). */
export function buildStory(members: SegmentedArticle[], observer: StageObserver = silentObserver): CachedStory {
  const derivatives = observer.run('derivatives', () => detectDerivatives(members));
  const aligned = observer.run('align', () => alignClaims(members, derivatives));
  const story = observer.run('merge', () => mergeStory(members, aligned, derivatives));
  const { events, disagreements } = observer.run('timeline', () => timelineWithDisagreements(members, story.slug, { derivatives }));
  story.timelineIds = events.map((event) => event.id);
  // Days of one happening that sources disagree on show only once relative dates are resolved, here.
  story.conflicts = withConflicts(story.conflicts, dayConflicts(disagreements, derivatives));
  return { derivatives, story, events };
}

/** `buildStory`, served from `cache` when it holds this cluster, stored there when it does not. */
export function cachedStory(members: SegmentedArticle[], cache: StoryCache | undefined, observer: StageObserver = silentObserver): CachedStory {
  if (cache === undefined) return buildStory(members, observer);
  const key = storyCacheKey(members);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = buildStory(members, observer);
  cache.set(key, result);
  return result;
}

/** A `StoryCache` in memory (see `createMemoryCache`), for tests and in-process builds. */
export function createMemoryStoryCache(): StoryCache & { readonly size: number } {
  return createMemoryCache<CachedStory>();
}
