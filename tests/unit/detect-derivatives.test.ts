import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { validateArticleMeta } from '../../src/pipeline/article-schema.ts';
import { detectDerivatives } from '../../src/pipeline/detect-derivatives.ts';
import { normalizeArticle } from '../../src/pipeline/normalize.ts';
import { splitSentences } from '../../src/pipeline/split-sentences.ts';
import type { ArticleMeta, SegmentedArticle } from '../../src/types.ts';

const FIXTURES = new URL('../fixtures/derivatives/', import.meta.url);
const SEEDS = new URL('../../seeds/', import.meta.url);

/** A raw capture run through the project's normalize and sentence stages, as the build does. */
function fromRaw(id: string, meta: ArticleMeta, body: string): SegmentedArticle {
  return splitSentences(normalizeArticle({ id, file: meta.origin, meta, body, contentHash: id }));
}

function segmented(id: string, meta: ArticleMeta, body: string): SegmentedArticle {
  return splitSentences({ id, file: meta.origin, meta, body, contentHash: id, text: body.trim(), removed: [], repairs: [] });
}

function fixture(name: string, change: Partial<ArticleMeta> = {}): SegmentedArticle {
  const parsed = matter(readFileSync(new URL(`${name}.md`, FIXTURES), 'utf8'));
  const result = validateArticleMeta(parsed.data, name);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return segmented(name, { ...result.meta, ...change }, parsed.content);
}

describe('detectDerivatives', () => {
  it('links a paraphrased rewrite and a syndicated copy to the original and leaves an independent report alone', () => {
    const links = detectDerivatives(['independent', 'original', 'rewrite', 'syndicated'].map((name) => fixture(name)));
    expect(links.map(({ articleId, derivativeOf }) => [articleId, derivativeOf])).toEqual([
      ['rewrite', 'original'],
      ['syndicated', 'original'],
    ]);
    expect(links.find((l) => l.articleId === 'rewrite')?.evidence).toMatch(/same order/);
    expect(links.find((l) => l.articleId === 'syndicated')?.evidence).toMatch(/identical text/);
  });

  it('treats a rewrite alone as one independent source fewer: members minus links', () => {
    const members = ['independent', 'original', 'rewrite'].map((name) => fixture(name));
    expect(members.length - detectDerivatives(members).length).toBe(2);
  });

  it('takes a credit naming another member\'s outlet as evidence even when the wording differs', () => {
    const credited = fixture('independent', { credit: 'Sorrel Herald' });
    const links = detectDerivatives([fixture('original'), credited]);
    expect(links).toEqual([{ articleId: 'independent', derivativeOf: 'original', evidence: expect.stringMatching(/credits Sorrel Herald/) }]);
  });

  it('points a family at its earliest published member when no outlet is credited', () => {
    const links = detectDerivatives([fixture('original', { published: '2025-11-05' }), fixture('rewrite')]);
    expect(links.map((l) => [l.articleId, l.derivativeOf])).toEqual([['original', 'rewrite']]);
  });

  it('finds no derivatives among independent reports', () => {
    expect(detectDerivatives([fixture('original'), fixture('independent')])).toEqual([]);
  });

  it('links the three rewrites of one report among the seeds and keeps the other two independent', () => {
    const seeds = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const meta: ArticleMeta = { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: `seeds/${name}`, language: 'en' };
        return fromRaw(name.slice(0, 3), meta, readFileSync(new URL(name, SEEDS), 'utf8'));
      });
    const links = detectDerivatives(seeds);
    const family = new Set(links.flatMap((l) => [l.articleId, l.derivativeOf]));
    expect([...family].sort()).toEqual(['000', '001', '003']);
    expect(new Set(links.map((l) => l.derivativeOf)).size).toBe(1);
    expect(links).toHaveLength(2);
  });

  it('refuses an order threshold outside 0 to 1, naming the option', () => {
    expect(() => detectDerivatives([], { orderThreshold: -0.1 })).toThrow(OptionError);
    expect(() => detectDerivatives([], { orderThreshold: -0.1 })).toThrow(/orderThreshold/);
  });
});
