import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/bench/bcubed.ts';
import { generateCorpus } from '../../src/bench/generate-corpus.ts';
import { OptionError } from '../../src/errors.ts';
import { validateArticleMeta } from '../../src/pipeline/article-schema.ts';
import {
  CLUSTER_SNAPSHOT_KEY,
  clusterFeatures,
  clusterStories,
  createMemoryClusterFeatureCache,
  type ClusterFeatureCache,
  type ClusterFeatures,
  type ClusterSnapshot,
} from '../../src/pipeline/cluster/cluster-stories.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
import { splitSentences } from '../../src/pipeline/split-sentences.ts';
import type { ArticleFile, ArticleMeta, SegmentedArticle } from '../../src/types.ts';

const FIXTURES = new URL('../fixtures/cluster/', import.meta.url);
const SEEDS = new URL('../../seeds/', import.meta.url);

/** A segmented article built from a body and its meta, with the project's sentence splitter. */
/** A raw capture run through the project's normalize and sentence stages, as the build does. */
function fromRaw(id: string, meta: ArticleMeta, body: string): SegmentedArticle {
  return splitSentences(normalizeArticle({ id, file: meta.origin, meta, body, contentHash: id }));
}

function segmented(id: string, meta: ArticleMeta, body: string): SegmentedArticle {
  const text = body.trim();
  return splitSentences({ id, file: meta.origin, meta, body, contentHash: id, text, removed: [], repairs: [] });
}

/** A segmented article built the cheap way (split on sentence ends), for large generated corpora. */
function quickSegmented(id: string, meta: ArticleMeta, body: string): SegmentedArticle {
  const text = body.trim();
  const sentences = text.split(/(?<=[.!?])\s+/).map((s, index) => ({ id: `${id}#${index}`, articleId: id, index, paragraph: 0, text: s, kind: 'sentence' as const }));
  return { id, file: meta.origin, meta, body, contentHash: id, text, removed: [], repairs: [], sentences };
}

function parse(path: string, source: string): { meta: ArticleMeta; body: string } {
  const parsed = matter(source);
  const result = validateArticleMeta(parsed.data, path);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { meta: result.meta, body: parsed.content };
}

function fixture(name: string): SegmentedArticle {
  const { meta, body } = parse(name, readFileSync(new URL(`${name}.md`, FIXTURES), 'utf8'));
  return segmented(name, meta, body);
}

function fromFiles(files: ArticleFile[]): SegmentedArticle[] {
  const decoder = new TextDecoder();
  return files.map((file) => {
    const { meta, body } = parse(file.path, decoder.decode(file.bytes));
    return quickSegmented(file.path.replace(/^.*\/|\.md$/g, ''), meta, body);
  });
}

const ids = (clusters: { articleIds: string[] }[]) => clusters.map((c) => c.articleIds);

const ENGLISH = ['bridge-courier', 'bridge-gazette', 'bridge-rewrite', 'chess-post', 'chess-review', 'museum-reopens', 'recall-ledger', 'recall-wire'];

describe('clusterStories', () => {
  it('keeps unrelated events apart and puts rewrites and independent reports of one event together', () => {
    const { clusters } = clusterStories(ENGLISH.map(fixture));
    expect(ids(clusters)).toEqual([
      ['bridge-courier', 'bridge-gazette', 'bridge-rewrite'],
      ['chess-post', 'chess-review'],
      ['museum-reopens'],
      ['recall-ledger', 'recall-wire'],
    ]);
  });

  it('adds a later article about an existing story to that story', () => {
    const before = clusterStories(ENGLISH.map(fixture)).clusters;
    expect(ids(before)).not.toContainEqual(expect.arrayContaining(['recall-followup']));
    // The follow-up as if published two days after the recall reports.
    const followup = fixture('recall-followup');
    const soon = { ...followup, meta: { ...followup.meta, published: '2025-06-04' } };
    const { clusters } = clusterStories([...ENGLISH.map(fixture), soon]);
    expect(ids(clusters)).toContainEqual(['recall-followup', 'recall-ledger', 'recall-wire']);
    expect(clusters).toHaveLength(4);
  });

  it('keeps a report of a later happening, weeks after, apart from the story of the same actors', () => {
    // Published 18 days after the recall, about the line reopening: a new event, not an update.
    const { clusters } = clusterStories([...ENGLISH, 'recall-followup'].map(fixture));
    expect(ids(clusters)).toContainEqual(['recall-ledger', 'recall-wire']);
    expect(ids(clusters)).toContainEqual(['recall-followup']);
  });

  it('takes an undated report as no evidence of time: it joins the story its text matches', () => {
    const followup = fixture('recall-followup');
    const undated = { ...followup, meta: { ...followup.meta, published: 'unknown' as const } };
    const { clusters } = clusterStories([...ENGLISH.map(fixture), undated]);
    expect(ids(clusters)).toContainEqual(['recall-followup', 'recall-ledger', 'recall-wire']);
  });

  it('does not chain two stories together through a roundup that mentions both', () => {
    const articles = [...ENGLISH, 'roundup-bridge-and-recall'].map(fixture);
    const guarded = ids(clusterStories(articles).clusters);
    expect(guarded).toContainEqual(expect.arrayContaining(['bridge-courier', 'bridge-gazette', 'bridge-rewrite']));
    expect(guarded).toContainEqual(expect.arrayContaining(['recall-ledger', 'recall-wire']));
    expect(guarded.find((c) => c.includes('bridge-courier'))).not.toContain('recall-ledger');
  });

  it('keeps a story with more articles than the key-frequency cap together, through the window on common keys', () => {
    const texts = ['bridge-courier', 'bridge-gazette', 'bridge-rewrite'];
    const bridge = Array.from({ length: 40 }, (_, i) => {
      const name = texts[i % 3] as string;
      const { meta, body } = parse(name, readFileSync(new URL(`${name}.md`, FIXTURES), 'utf8'));
      return segmented(`bridge-${String(i).padStart(2, '0')}`, meta, `${body}\n\nCopy ${i} was filed by desk ${i}.`);
    });
    const background = fromFiles(generateCorpus({ articles: 300, seed: 11 }).files);
    const bridgeClusters = (window: number) =>
      clusterStories([...bridge, ...background], { maxKeyFrequency: 10, commonKeyWindow: window })
        .clusters.filter((c) => c.articleIds.some((id) => id.startsWith('bridge-')))
        .map((c) => c.articleIds.length);
    expect(bridgeClusters(5)).toEqual([40]);
    // Without the window, every key of the story is over the cap and the story falls apart.
    expect(bridgeClusters(0).length).toBeGreaterThan(1);
  });

  it('never puts articles in different languages in one story, even about the same event', () => {
    const { clusters } = clusterStories([...ENGLISH, 'bridge-german'].map(fixture));
    expect(ids(clusters)).toContainEqual(['bridge-german']);
    expect(ids(clusters)).toContainEqual(['bridge-courier', 'bridge-gazette', 'bridge-rewrite']);
  });

  it('gives the same clusters whatever order the articles come in', () => {
    const articles = ENGLISH.map(fixture);
    const forward = clusterStories(articles);
    const backward = clusterStories([...articles].reverse());
    expect(backward).toEqual(forward);
  });

  it('puts the five seed articles, one launch reported five ways, into one story', () => {
    const articles = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const meta: ArticleMeta = { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: `seeds/${name}`, language: 'en' };
        return fromRaw(name.replace(/\.txt$/, ''), meta, readFileSync(new URL(name, SEEDS), 'utf8'));
      });
    expect(articles).toHaveLength(5);
    const { clusters } = clusterStories(articles);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.articleIds).toHaveLength(5);
  });

  it('scores far fewer pairs than all pairs on 3,000 generated articles and recovers the true events', () => {
    const { files, truth } = generateCorpus({ articles: 3000, seed: 7 });
    const { clusters, stats } = clusterStories(fromFiles(files));
    expect(stats.articles).toBe(3000);
    expect(stats.allPairs).toBe((3000 * 2999) / 2);
    expect(stats.candidatePairs).toBeGreaterThan(0);
    expect(stats.candidatePairs / stats.allPairs).toBeLessThan(0.02);
    expect(bcubed(ids(clusters), truth).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses a threshold outside 0 to 1, naming the option', () => {
    expect(() => clusterStories([], { threshold: 1.5 })).toThrow(OptionError);
    expect(() => clusterStories([], { threshold: 1.5 })).toThrow(/threshold/);
  });

  it('returns no clusters and no pairs for no articles', () => {
    expect(clusterStories([])).toEqual({ clusters: [], stats: { articles: 0, candidatePairs: 0, allPairs: 0 } });
  });
});

/** A memory feature cache that records which keys were read and which were written. */
function recordingCache(): ClusterFeatureCache & { reads: string[]; writes: string[]; size: number } {
  const inner = createMemoryClusterFeatureCache();
  const reads: string[] = [];
  const writes: string[] = [];
  return {
    reads,
    writes,
    get size() {
      return inner.size;
    },
    get(key) {
      const value = inner.get(key);
      if (value !== undefined) reads.push(key);
      return value;
    },
    set(key, value) {
      writes.push(key);
      inner.set(key, value);
    },
  };
}

describe('clusterStories with a feature cache', () => {
  const corpus = fromFiles(generateCorpus({ articles: 250, seed: 5 }).files);

  it('gives the same clusters and pair counts with no cache, an empty cache and a full one', () => {
    const plain = clusterStories(corpus);
    const cache = recordingCache();
    const filling = clusterStories(corpus, {}, cache);
    expect(cache.writes).toEqual([CLUSTER_SNAPSHOT_KEY]);
    expect(cache.reads).toEqual([]);
    const reading = clusterStories(corpus, {}, cache);
    expect(cache.reads).toEqual([CLUSTER_SNAPSHOT_KEY]);
    expect(filling).toEqual(plain);
    expect(reading).toEqual(plain);
  });

  it('stores the snapshot again only when the corpus has changed', () => {
    const cache = recordingCache();
    clusterStories(corpus, {}, cache);
    clusterStories(corpus, {}, cache);
    expect(cache.writes).toHaveLength(1);
    clusterStories(corpus.slice(1), {}, cache);
    expect(cache.writes).toHaveLength(2);
  });

  it('stores exactly the features a recomputation gives, in the order first seen', () => {
    const cache = recordingCache();
    clusterStories(corpus.slice(0, 20), {}, cache);
    const stored = snapshotFeatures(cache.get(CLUSTER_SNAPSHOT_KEY)!);
    expect(stored.size).toBe(20);
    for (const article of corpus.slice(0, 20)) expect(stored.get(`${article.contentHash}\n${article.file}`)).toEqual(clusterFeatures(article));
  });

  it('keeps no feature that only a removed article held', () => {
    const cache = recordingCache();
    const [first, ...rest] = corpus as [SegmentedArticle, ...SegmentedArticle[]];
    const unique: SegmentedArticle = { ...first, text: `${first.text} The quokka xylophonist recorded it.`, contentHash: `${first.contentHash}-unique` };
    clusterStories([unique, ...rest], {}, cache);
    expect(cache.get(CLUSTER_SNAPSHOT_KEY)!.vocabulary.split('\u0000')).toContain('en quokka');
    const result = clusterStories(rest, {}, cache);
    const snapshot = cache.get(CLUSTER_SNAPSHOT_KEY)!;
    expect(snapshot.vocabulary.split('\u0000')).not.toContain('en quokka');
    expect(snapshot.articles.split('\u0000')).toHaveLength(rest.length);
    expect(result).toEqual(clusterStories(rest));
  });

  it('counts a changed article afresh and uses the new counts', () => {
    const cache = recordingCache();
    clusterStories(corpus, {}, cache);
    const [first, ...rest] = corpus as [SegmentedArticle, ...SegmentedArticle[]];
    const changed: SegmentedArticle = { ...first, text: `${first.text} A late paragraph about harbour dredging.`, contentHash: `${first.contentHash}-edited` };
    const result = clusterStories([changed, ...rest], {}, cache);
    const stored = snapshotFeatures(cache.get(CLUSTER_SNAPSHOT_KEY)!);
    expect(stored.has(`${first.contentHash}\n${first.file}`)).toBe(false);
    expect(stored.get(`${changed.contentHash}\n${changed.file}`)?.keys).toContain('dredg');
    expect(result).toEqual(clusterStories([changed, ...rest]));
  });

  it('gives the clusters of a cold run from the snapshot of another corpus', () => {
    const cache = recordingCache();
    clusterStories(corpus.slice(0, 180), {}, cache);
    const other = corpus.slice(60);
    expect(clusterStories(other, {}, cache)).toEqual(clusterStories(other));
  });

  it('ignores a damaged snapshot, counting the articles it cannot vouch for, and stores a sound one', () => {
    const cache = recordingCache();
    clusterStories(corpus, {}, cache);
    const good = cache.get(CLUSTER_SNAPSHOT_KEY)!;
    const ints = (values: number[]) => Buffer.from(Int32Array.from(values).buffer).toString('base64');
    const decoded = (text: string) => [...new Int32Array(new Uint8Array(Buffer.from(text, 'base64')).buffer)];
    const ids = decoded(good.ids);
    const offsets = decoded(good.offsets);
    const secondOfFirst = offsets[0]! + 1;
    const vocabulary = good.vocabulary.split('\u0000');
    const names = good.articles.split('\u0000');
    const damaged: unknown[] = [
      'not a snapshot',
      { ...good, ids: 'not base64!' },
      { ...good, ids: ints(ids.map((id, i) => (i === 0 ? good.vocabulary.length : id))) },
      { ...good, counts: ints(decoded(good.counts).map((c, i) => (i === 3 ? 0 : c))) },
      { ...good, ids: ints(ids.map((id, i) => (i === secondOfFirst ? ids[offsets[0]!]! : id))) },
      { ...good, offsets: ints(offsets.slice(1)) },
      { ...good, vocabulary: vocabulary.map((entry, i) => (i === 0 ? vocabulary[1]! : entry)).join('\u0000') },
      { ...good, vocabulary: vocabulary.map((entry) => entry.replace(/^en /, 'de ')).join('\u0000') },
      { ...good, articles: names.map((name, i) => (i === 1 ? names[0]! : name)).join('\u0000') },
    ];
    const cold = clusterStories(corpus);
    for (const broken of damaged) {
      const store = recordingCache();
      store.set(CLUSTER_SNAPSHOT_KEY, broken as ClusterSnapshot);
      const label = JSON.stringify(broken).slice(0, 200);
      expect(clusterStories(corpus, {}, store), label).toEqual(cold);
      expect(store.get(CLUSTER_SNAPSHOT_KEY), label).toEqual(good);
    }
  });
});

/** The features of each article a snapshot holds, by `${contentHash}\n${file}`, decoded by hand. */
function snapshotFeatures(snapshot: ClusterSnapshot): Map<string, ClusterFeatures> {
  const ints = (text: string) => [...new Int32Array(new Uint8Array(Buffer.from(text, 'base64')).buffer)];
  const [offsets, ids, counts] = [ints(snapshot.offsets), ints(snapshot.ids), ints(snapshot.counts)];
  const vocabulary = snapshot.vocabulary.split('\u0000');
  return new Map(
    snapshot.articles.split('\u0000').map((name, slot) => {
      const range = ids.slice(offsets[slot], offsets[slot + 1]).map((id) => vocabulary[id]!.replace(/^\S+ /, ''));
      return [name, { keys: range, counts: counts.slice(offsets[slot], offsets[slot + 1]) }];
    }),
  );
}

describe('clusterFeatures', () => {
  it('counts the lead twice, so the event a report opens with outweighs the saga it retells', () => {
    const meta: ArticleMeta = { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: 'content/articles/lead.md', language: 'en' };
    const article = segmented(
      'lead',
      meta,
      'Police arrested the ferry chief in Kelby. He was held overnight. Months earlier his ferry line had filed for bankruptcy.',
    );
    const { keys, counts } = clusterFeatures(article);
    const count = (key: string) => counts[keys.indexOf(key)];
    expect(count('arrest')).toBe(2);
    expect(count('overnight')).toBe(2);
    expect(count('bankruptci')).toBe(1);
  });
});
