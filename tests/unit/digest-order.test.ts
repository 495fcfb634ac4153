import { describe, expect, it } from 'vitest';
import { compareEvents, compareSources, compareStories, compareStoriesNewestFirst } from '../../src/pipeline/digest-order.ts';
import * as views from '../../src/site/digest-views.ts';

describe('digest order', () => {
  it('lists stories by independent reports, then sources, then newest, single-source stories last', () => {
    const story = (slug: string, independent: number, sources: number, updated: string) => ({
      slug,
      independentSourceCount: independent,
      sourceIds: Array.from({ length: sources }, (_, i) => `${slug}-${i}`),
      updated,
    });
    const stories = [
      story('explainer', 1, 1, '2026-04-12'),
      story('launch', 12, 20, '2026-04-09'),
      story('rewrites', 1, 3, '2026-04-10'),
      story('older-pair', 2, 2, '2025-06-01'),
      story('newer-pair', 2, 2, '2026-01-01'),
    ];
    expect(stories.sort(compareStories).map((s) => s.slug)).toEqual(['launch', 'newer-pair', 'older-pair', 'rewrites', 'explainer']);
  });

  it('lists stories newest first for the feed, undated ones last, ties by slug', () => {
    const stories = [
      { slug: 'b-undated', updated: 'unknown' as const },
      { slug: 'old', updated: '2025-01-02' },
      { slug: 'a-undated', updated: 'unknown' as const },
      { slug: 'new-b', updated: '2026-03-04' },
      { slug: 'new-a', updated: '2026-03-04' },
    ];
    expect(stories.sort(compareStoriesNewestFirst).map((s) => s.slug)).toEqual(['new-a', 'new-b', 'old', 'a-undated', 'b-undated']);
  });

  it('lists events by start, then end, then id, and sources by id', () => {
    const events = [
      { id: 'e3', start: '2026-01-01', end: '2026-12-31' },
      { id: 'e2', start: '2026-01-01', end: '2026-01-01' },
      { id: 'e1', start: '2026-01-01', end: '2026-01-01' },
      { id: 'e0', start: '2026-02-01', end: '2026-02-01' },
    ];
    expect(events.sort(compareEvents).map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e0']);
    expect([{ id: 'b' }, { id: 'a' }].sort(compareSources)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('is the very order the site sorts with, not a copy of it', () => {
    expect(views.compareStories).toBe(compareStories);
    expect(views.compareStoriesNewestFirst).toBe(compareStoriesNewestFirst);
    expect(views.compareEvents).toBe(compareEvents);
    expect(views.compareSources).toBe(compareSources);
  });
});
