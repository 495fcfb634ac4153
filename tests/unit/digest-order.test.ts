import { describe, expect, it } from 'vitest';
import { compareEvents, compareSources, compareStories } from '../../src/pipeline/digest-order.ts';
import * as views from '../../src/site/digest-views.ts';

describe('digest order', () => {
  it('lists stories newest first, undated ones last, ties by slug', () => {
    const stories = [
      { slug: 'b-undated', updated: 'unknown' as const },
      { slug: 'old', updated: '2025-01-02' },
      { slug: 'a-undated', updated: 'unknown' as const },
      { slug: 'new-b', updated: '2026-03-04' },
      { slug: 'new-a', updated: '2026-03-04' },
    ];
    expect(stories.sort(compareStories).map((s) => s.slug)).toEqual(['new-a', 'new-b', 'old', 'a-undated', 'b-undated']);
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
    expect(views.compareEvents).toBe(compareEvents);
    expect(views.compareSources).toBe(compareSources);
  });
});
