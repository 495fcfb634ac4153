import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { validateArticleMeta } from '../../src/pipeline/article-schema.ts';
import { detectDerivatives } from '../../src/pipeline/derivatives/detect-derivatives.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
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

const meta = (outlet: string): ArticleMeta => ({ title: 'unknown', outlet, published: 'unknown', origin: `tests/${outlet}.md`, language: 'en' });

/** A wire story of a ferry strike, a later edit of it, and its opening as a teaser with a line of the site's own. */
const WIRE = [
  'Ferry crews on the Tallis Strait walked off the job on Monday, stranding thousands of travellers on both shores.',
  'The strike began four hours after talks between the crews and the operator broke down without a new date to resume them.',
  'The operator said it had offered a pay rise of six percent over two years, which the union called too little for the hours.',
  'Freight lorries queued for twelve kilometres outside the port of Hallam by the afternoon.',
  'The union said the walkout would last until Thursday unless the operator returned to the table.',
  'Travel agents advised passengers to book seats on the slower coastal train instead.',
].join('\n\n');
const TEASER = [
  'Ferry strike strands travellers on the strait.',
  'Ferry crews on the Tallis Strait walked off the job on Monday, stranding thousands of travellers on both shores.',
  'The strike began four hours after talks between the crews and the operator broke down without a new date to resume them.',
  'Readers can follow the dispute on our live page.',
].join('\n\n');

/** Two reports of one court ruling in their own words, each quoting five sentences of it: one in quotation marks, one set out after a colon. */
const RULING = [
  'The court must decide only whether the sale should wait for the full hearing.',
  'It finds that the regulator has not shown the sale would harm buyers of grain.',
  'The evidence points instead to lower prices for farmers in the valley.',
  'The regulator may still pursue its case before the tribunal.',
  'The request to halt the sale is therefore refused.',
];
const QUOTING = [
  'A judge in Corran refused on Tuesday to stop the sale of the Pellam grain cooperative to a larger rival.',
  `Judge Ines Marrow wrote: "${RULING.join(' ')}"`,
  'The regulator said it would study the ruling before deciding whether to appeal.',
].join('\n\n');
const SETTING_OUT = [
  'The sale of Pellam Grain can go ahead after the regulator lost its bid for an injunction in the Corran court.',
  'In her ruling, the judge set out her reasons:',
  ...RULING,
  'Shares of the buyer rose four percent in early trading.',
].join('\n\n');

describe('detectDerivatives', () => {
  it('links a teaser that keeps two sentences of a wire story word for word, too short for order evidence', () => {
    const links = detectDerivatives([segmented('wire', meta('Tallis Post'), WIRE), segmented('teaser', meta('Hallam Daily'), TEASER)]);
    expect(links.map((l) => [l.articleId, l.derivativeOf])).toEqual([['teaser', 'wire']]);
    expect(links[0]?.evidence).toMatch(/2 sentences copied nearly word for word/);
  });

  it('links two flashes of two sentences when one is copied word for word and the other matches in the same place', () => {
    const flash = 'Ferry crews on the Tallis Strait walked off the job on Monday, the union said.\n\nFreight lorries queued for twelve kilometres outside the port of Hallam by the afternoon, the port authority said.';
    const edit = 'Tallis Strait ferry crews walked off the job on Monday, according to the union.\n\nFreight lorries queued for twelve kilometres outside the port of Hallam by the afternoon, the port authority said.';
    const links = detectDerivatives([segmented('flash', meta('Tallis Post'), flash), segmented('edit', meta('Hallam Daily'), edit)]);
    expect(links.map((l) => [l.articleId, l.derivativeOf].sort())).toEqual([['edit', 'flash']]);
    expect(links[0]?.evidence).toMatch(/a short report: every sentence matched in the same order/);
    // The copied sentence alone, beside a sentence the other does not state, is not enough.
    const other = 'Coastal trains ran extra services for stranded travellers on Monday.\n\nFreight lorries queued for twelve kilometres outside the port of Hallam by the afternoon, the port authority said.';
    expect(detectDerivatives([segmented('flash', meta('Tallis Post'), flash), segmented('other', meta('Coast FM'), other)])).toEqual([]);
  });

  it('does not take two reports quoting the same ruling at length for copies of each other', () => {
    expect(detectDerivatives([segmented('quoting', meta('Corran Ledger'), QUOTING), segmented('setting-out', meta('Grain Weekly'), SETTING_OUT)])).toEqual([]);
  });

  it('does not take sentences naming the same things in other words for copies', () => {
    // The same words in another order: a high cosine, but no run of eight words in common.
    const a = 'Ferry crews on the Tallis Strait walked off the job on Monday, stranding travellers at Hallam port.\n\nThe operator offered crews a pay rise of six percent over two years.';
    const b = 'Stranding travellers at Hallam port, Tallis Strait ferry crews walked off the job Monday.\n\nOver two years, crews were offered a six percent pay rise by the operator.';
    expect(detectDerivatives([segmented('a', meta('Tallis Post'), a), segmented('b', meta('Hallam Daily'), b)])).toEqual([]);
  });

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
