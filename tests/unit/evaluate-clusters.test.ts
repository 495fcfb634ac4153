import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/errors.ts';
import { parseManifest, type CorpusManifest } from '../../src/eval/corpus-manifest.ts';
import { evaluateClusters } from '../../src/eval/evaluate-clusters.ts';
import { formatEvaluation, parseEvalArgs } from '../../scripts/eval-clusters.ts';

const FIXTURES = new URL('../fixtures/cluster/', import.meta.url);

/** The body of one of our own cluster fixtures, as if it were a saved page's text. */
function body(name: string): string {
  return matter(readFileSync(new URL(`${name}.md`, FIXTURES), 'utf8')).content;
}

function entry(id: string, event: string, extra: Partial<CorpusManifest['articles'][number]> = {}) {
  return { id, url: `https://example.org/${id}`, outlet: `Outlet ${id}`, title: 'unknown', published: 'unknown', event, query: 'fixture', kind: 'full' as const, ...extra };
}

const manifest: CorpusManifest = {
  name: 'fixture',
  description: 'two events of our own cluster fixtures',
  gathered: 'written for the tests',
  events: { bridge: 'a bridge collapses', recall: 'a food recall', unused: 'described but with no article' },
  articles: [
    entry('a1', 'bridge', { title: 'Cracked piers blamed as historic Karrow Ford crossing falls', published: '2025-03-14' }),
    entry('a2', 'bridge'),
    entry('a3', 'recall'),
    entry('a4', 'recall'),
  ],
};
const texts = new Map([
  ['a1', body('bridge-gazette')],
  ['a2', body('bridge-courier')],
  ['a3', body('recall-wire')],
  ['a4', body('recall-ledger')],
]);

describe('parseManifest', () => {
  it('accepts a manifest whose articles name described events', () => {
    expect(parseManifest(JSON.stringify(manifest), 'm.json').articles).toHaveLength(4);
  });

  it('names the entry and field of an article whose event is not described', () => {
    const bad = { ...manifest, articles: [...manifest.articles, entry('a5', 'flood')] };
    expect(() => parseManifest(JSON.stringify(bad), 'm.json')).toThrow(/m\.json \(articles\.4\.event\): an article names an event[\s\S]*found: flood/);
  });

  it('refuses two entries for one page', () => {
    const bad = { ...manifest, articles: [...manifest.articles, { ...entry('a5', 'bridge'), url: 'https://example.org/a1' }] };
    expect(() => parseManifest(JSON.stringify(bad), 'm.json')).toThrow(ManifestError);
  });

  it('names the field the schema refuses, and JSON that does not parse', () => {
    const bad = { ...manifest, articles: [{ ...entry('a1', 'bridge'), published: 'April 2025' }] };
    expect(() => parseManifest(JSON.stringify(bad), 'm.json')).toThrow(/\(articles\.0\.published\)/);
    expect(() => parseManifest('{"name": ', 'm.json')).toThrow(/not valid JSON/);
  });
});

describe('evaluateClusters', () => {
  const result = evaluateClusters(manifest, texts, '2026-12-02');

  it('scores the built stories against the labels and lists each event with its stories', () => {
    expect(result.bcubed.f1).toBe(1);
    expect(result.stories.map((story) => story.labels)).toEqual([[['bridge', 2]], [['recall', 2]]]);
    expect(result.events.map((event) => [event.label, event.stories.length])).toEqual([
      ['bridge', 1],
      ['recall', 1],
    ]);
  });

  it('imports each text with the told outlet, date and address, and the stated headline where the manifest has none', () => {
    const first = result.digest.sources.find((source) => source.id === 'a1');
    expect(first).toMatchObject({ outlet: 'Outlet a1', published: '2025-03-14', url: 'https://example.org/a1', title: 'Cracked piers blamed as historic Karrow Ford crossing falls' });
  });

  it('counts a wrong grouping against the score: two events labelled as one lose precision', () => {
    const merged = { ...manifest, articles: manifest.articles.map((a) => ({ ...a, event: 'bridge' })) };
    const scores = evaluateClusters(merged, texts, '2026-12-02');
    expect(scores.bcubed.recall).toBe(0.5);
    expect(scores.events[0]?.stories).toHaveLength(2);
    expect(formatEvaluation(scores, false)).toMatch(/bridge  ← split in 2/);
  });

  it('fails plainly when a text is missing', () => {
    expect(() => evaluateClusters(manifest, new Map([...texts].slice(1)), '2026-12-02')).toThrow(/no text for article `a1`/);
  });
});

describe('eval:clusters command line', () => {
  it('needs a corpus folder and knows its options', () => {
    expect(parseEvalArgs(['--dir', 'eval/deals', '--json'])).toEqual({ dir: 'eval/deals', json: true, stories: false, conflicts: false, timeline: false, derivatives: false });
    expect(parseEvalArgs(['--dir', 'eval/deals', '--derivatives']).derivatives).toBe(true);
    expect(parseEvalArgs(['--dir', 'eval/deals', '--conflicts']).conflicts).toBe(true);
    expect(parseEvalArgs(['--dir', 'eval/deals', '--timeline']).timeline).toBe(true);
    expect(() => parseEvalArgs([])).toThrow(/no corpus folder given/);
    expect(() => parseEvalArgs(['--dir'])).toThrow(/needs a folder/);
    expect(() => parseEvalArgs(['--dir', 'x', '--verbose'])).toThrow(/unknown option/);
  });
});
