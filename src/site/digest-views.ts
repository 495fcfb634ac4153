/**
 * Pure views over the digest that several pages need: citation numbers, what only one source
 * reports, which claim a sentence went into, and stable orderings.
 */
import type { Claim, LeftOut, Story, TimelineEvent } from '../types.ts';

/** The pipeline's own orders, so pages list stories, events and sources exactly as the pipeline does. */
export { compareEvents, compareSources, compareStories, compareStoriesNewestFirst } from '../pipeline/digest-order.ts';

/** Citation number (1-based) of each source of a story, in the story's source order. */
export function citationNumbers(story: Pick<Story, 'sourceIds'>): Map<string, number> {
  return new Map(story.sourceIds.map((id, index) => [id, index + 1]));
}

/**
 * Replaces every source id in `text` (an event's anchor note, say) with its citation mark `[n]`,
 * so readers see the marks they know from the page instead of file slugs. Longer ids go first so
 * an id that is a prefix of another never splits it.
 */
export function withSourceMarks(text: string, numbers: Map<string, number>): string {
  const ids = [...numbers.keys()].sort((a, b) => b.length - a.length);
  return ids.reduce((out, id) => out.split(id).join(`[${numbers.get(id)}]`), text);
}

/** For each source of a story, the claims that only it reports ("what each source adds"). */
export function claimsOnlyFrom(story: Pick<Story, 'sourceIds' | 'claims'>): Map<string, Claim[]> {
  const only = new Map<string, Claim[]>(story.sourceIds.map((id) => [id, []]));
  for (const claim of story.claims) {
    const [single] = claim.sourceIds;
    if (claim.sourceIds.length === 1 && single !== undefined) only.get(single)?.push(claim);
  }
  return only;
}

/** What became of one sentence of a source: the claim it supports, or why it was left out. */
export type SentenceFate = { kind: 'claim'; claim: Claim } | { kind: 'left-out'; reason: string } | { kind: 'unused' };

/** Maps every sentence id of the given stories to its fate. */
export function sentenceFates(stories: Pick<Story, 'claims' | 'leftOut'>[]): Map<string, SentenceFate> {
  const fates = new Map<string, SentenceFate>();
  for (const story of stories) {
    for (const out of story.leftOut as LeftOut[]) fates.set(out.sentenceId, { kind: 'left-out', reason: out.reason });
    for (const claim of story.claims) for (const id of claim.sentenceIds) fates.set(id, { kind: 'claim', claim });
  }
  return fates;
}

/** A timeline group: one year, then one month (or `null` for events spanning more than a month). */
export interface EventGroup<E> {
  year: number;
  months: { month: number | null; events: E[] }[];
}

/**
 * Groups sorted events by the year and month they start in. An event whose range spans more than
 * one month (a year, a quarter, "early 2026") goes in its year's `month: null` group, listed first,
 * so no event is pinned to a month the text never named.
 */
export function groupEvents<E extends Pick<TimelineEvent, 'start' | 'end'>>(events: E[]): EventGroup<E>[] {
  const years = new Map<number, Map<number | null, E[]>>();
  for (const event of events) {
    const year = Number(event.start.slice(0, 4));
    const sameMonth = event.start.slice(0, 7) === event.end.slice(0, 7);
    const month = sameMonth ? Number(event.start.slice(5, 7)) : null;
    const months = years.get(year) ?? new Map<number | null, E[]>();
    years.set(year, months);
    months.set(month, [...(months.get(month) ?? []), event]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, months]) => ({
      year,
      months: [...months.entries()]
        .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
        .map(([month, grouped]) => ({ month, events: grouped })),
    }));
}
