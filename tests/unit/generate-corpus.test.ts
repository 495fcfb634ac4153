import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/bench/bcubed.ts';
import { generateCorpus } from '../../src/bench/generate-corpus.ts';
import { validateArticleMeta } from '../../src/pipeline/article-schema.ts';
import { buildDigest } from '../../src/pipeline/build-digest.ts';

const decoder = new TextDecoder();

describe('generateCorpus', () => {
  it('gives the same corpus for the same seed and a different one for another seed', () => {
    const a = generateCorpus({ articles: 200, seed: 42 });
    const b = generateCorpus({ articles: 200, seed: 42 });
    const c = generateCorpus({ articles: 200, seed: 43 });
    expect(b).toEqual(a);
    expect(c.files.map((f) => f.path)).not.toEqual(a.files.map((f) => f.path));
  });

  it('writes the requested number of articles with valid front matter, named by their id', () => {
    const { files, truth } = generateCorpus({ articles: 300, seed: 1 });
    expect(files).toHaveLength(300);
    expect(new Set(files.map((f) => f.path)).size).toBe(300);
    for (const file of files) {
      const parsed = matter(decoder.decode(file.bytes));
      const result = validateArticleMeta(parsed.data, file.path);
      expect(result.ok, file.path).toBe(true);
      if (result.ok) expect(result.meta.origin).toBe(file.path);
      const id = file.path.replace(/^content\/articles\/|\.md$/g, '');
      expect(truth[id]).toMatch(/^e\d+$/);
      expect(parsed.content.trim().length).toBeGreaterThan(0);
    }
  });

  it('spreads articles over many events, with single-article stories and stories of several reports', () => {
    const { truth } = generateCorpus({ articles: 1000, seed: 3 });
    const sizes = new Map<string, number>();
    for (const event of Object.values(truth)) sizes.set(event, (sizes.get(event) ?? 0) + 1);
    expect(sizes.size).toBeGreaterThan(100);
    expect([...sizes.values()].filter((n) => n === 1).length).toBeGreaterThan(20);
    expect(Math.max(...sizes.values())).toBeGreaterThanOrEqual(5);
  });

  it('includes rewrites and syndicated copies of the same event, recorded as derivatives', () => {
    const { files, truth, derivatives } = generateCorpus({ articles: 500, seed: 5 });
    const texts = new Map(files.map((f) => [f.path.replace(/^content\/articles\/|\.md$/g, ''), matter(decoder.decode(f.bytes))]));
    const pairs = Object.entries(derivatives);
    expect(pairs.length).toBeGreaterThan(50);
    let copies = 0;
    for (const [copy, original] of pairs) {
      expect(truth[copy]).toBe(truth[original]);
      if (texts.get(copy)?.content === texts.get(original)?.content) copies += 1;
    }
    expect(copies).toBeGreaterThan(5);
    expect(copies).toBeLessThan(pairs.length);
  });

  it('produces nothing for zero articles and refuses a negative count', () => {
    expect(generateCorpus({ articles: 0, seed: 1 })).toEqual({ files: [], truth: {}, derivatives: {} });
    expect(() => generateCorpus({ articles: -1, seed: 1 })).toThrow(/articles/);
  });
});

describe('bcubed', () => {
  it('scores a perfect clustering 1 everywhere', () => {
    expect(bcubed([['a', 'b'], ['c']], { a: 'x', b: 'x', c: 'y' })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores one cluster holding two groups as full recall and lower precision', () => {
    // a,b true x; c true y; all in one cluster: precision per item 2/3, 2/3, 1/3 → 5/9; recall 1.
    const scores = bcubed([['a', 'b', 'c']], { a: 'x', b: 'x', c: 'y' });
    expect(scores.precision).toBeCloseTo(5 / 9);
    expect(scores.recall).toBe(1);
    expect(scores.f1).toBeCloseTo((2 * (5 / 9)) / (5 / 9 + 1));
  });

  it('scores singletons for a group of three as full precision and recall of one third', () => {
    const scores = bcubed([['a'], ['b'], ['c']], { a: 'x', b: 'x', c: 'x' });
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeCloseTo(1 / 3);
    expect(scores.f1).toBeCloseTo(0.5);
  });

  it('refuses an item that is in no cluster', () => {
    expect(() => bcubed([['a']], { a: 'x', b: 'x' })).toThrow(/`b`/);
  });
});

describe('the whole pipeline on a generated corpus', () => {
  // Many stories at once meet cases no hand-made fixture has (a claim whose own sentences all
  // state a rival value of a conflict left only sentences cited for one clause, and no words).
  it('builds 400 generated articles into stories whose every claim has words and cites its sources', () => {
    const { files } = generateCorpus({ articles: 400, seed: 1 });
    const { digest } = buildDigest(files, { today: '2026-12-02' });
    expect(digest.stories.length).toBeGreaterThan(50);
    for (const story of digest.stories) {
      for (const claim of story.claims) {
        expect(claim.text.length, claim.id).toBeGreaterThan(0);
        expect(claim.sourceIds.length, claim.id).toBeGreaterThan(0);
      }
    }
  }, 30_000);
});
