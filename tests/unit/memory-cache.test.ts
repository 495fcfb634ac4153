import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../src/pipeline/memory-cache.ts';

describe('createMemoryCache', () => {
  it('misses with undefined and counts the entries it holds', () => {
    const cache = createMemoryCache<{ n: number }>();
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    cache.set('a', { n: 3 });
    expect(cache.get('a')).toEqual({ n: 3 });
    expect(cache.size).toBe(2);
  });

  it('keeps its own copy, so changing a value after storing or reading it leaves the entry as stored', () => {
    const cache = createMemoryCache<{ list: number[] }>();
    const stored = { list: [1, 2] };
    cache.set('k', stored);
    stored.list.push(3);
    const read = cache.get('k');
    read?.list.push(4);
    expect(cache.get('k')).toEqual({ list: [1, 2] });
  });
});
