import { describe, expect, it } from 'vitest';
import { createMemoryCache, memoizeByText } from '../../src/pipeline/memory-cache.ts';

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

describe('memoizeByText', () => {
  it('computes each text once and gives the remembered result after', () => {
    const seen: string[] = [];
    const upper = memoizeByText((text) => {
      seen.push(text);
      return text.toUpperCase();
    }, 10);
    expect([upper('ferry'), upper('harbour'), upper('ferry')]).toEqual(['FERRY', 'HARBOUR', 'FERRY']);
    expect(seen).toEqual(['ferry', 'harbour']);
  });

  it('forgets everything once it holds `limit` texts, so its memory stays bounded', () => {
    const seen: string[] = [];
    const length = memoizeByText((text) => {
      seen.push(text);
      return text.length;
    }, 2);
    length('a');
    length('bb');
    length('ccc'); // a third text: the two remembered ones are dropped
    length('a');
    expect(seen).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
