import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDigestCaches, openFileCache } from '../../src/io/file-cache.ts';
import fc from 'fast-check';
import { articleCacheKey, createMemoryArticleCache, fromCachedArticle, segmentArticles, toCachedArticle } from '../../src/pipeline/article-cache.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
import { splitSentences } from '../../src/pipeline/split-sentences.ts';
import { generateCorpus } from '../../src/bench/generate-corpus.ts';
import { buildDigest } from '../../src/pipeline/build-digest.ts';
import { ingestArticles } from '../../src/pipeline/ingest.ts';
import { createMemoryStoryCache, storyCacheKey } from '../../src/pipeline/story-cache.ts';
import type { PipelineStage, StageObserver } from '../../src/pipeline/stage-observer.ts';
import type { Article, ArticleFile, SegmentedArticle } from '../../src/types.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/article-cache');
const NAMES = ['harbour-bridge-reopens', 'library-extends-hours', 'orchard-frost-losses'];

function fixtureFile(name: string, bytes?: string): ArticleFile {
  return {
    path: `content/articles/${name}.md`,
    bytes: new TextEncoder().encode(bytes ?? readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8')),
  };
}

function ingest(files: ArticleFile[]): Article[] {
  const result = ingestArticles(files);
  expect(result.problems).toEqual([]);
  return result.articles;
}

/** Counts how many articles each stage actually processed. */
function countingObserver(): StageObserver & { calls: Partial<Record<PipelineStage, number>> } {
  const calls: Partial<Record<PipelineStage, number>> = {};
  return {
    calls,
    run(stage, work) {
      calls[stage] = (calls[stage] ?? 0) + 1;
      return work();
    },
  };
}

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-cache-test-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('segmentArticles', () => {
  it('gives the same articles with an empty cache, a full cache and no cache', () => {
    const articles = ingest(NAMES.map((name) => fixtureFile(name)));
    const plain = segmentArticles(articles).articles;
    const cache = createMemoryArticleCache();
    const cold = segmentArticles(articles, cache).articles;
    const warm = segmentArticles(articles, cache).articles;
    expect(plain.length).toBe(3);
    expect(plain.every((article) => article.sentences.length > 0)).toBe(true);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(plain));
  });

  it('normalizes and splits only the article the cache has not seen', () => {
    const cache = createMemoryArticleCache();
    segmentArticles(ingest(NAMES.slice(0, 2).map((name) => fixtureFile(name))), cache);
    const observer = countingObserver();
    const { stats } = segmentArticles(ingest(NAMES.map((name) => fixtureFile(name))), cache, observer);
    expect(stats).toEqual({ hits: 2, misses: 1 });
    expect(observer.calls).toEqual({ normalize: 1, sentences: 1 });
  });

  it('recomputes an article whose text changed and keeps the others', () => {
    const cache = createMemoryArticleCache();
    const original = NAMES.map((name) => fixtureFile(name));
    segmentArticles(ingest(original), cache);
    const edited = readFileSync(path.join(FIXTURES, 'library-extends-hours.md'), 'utf8').replace('10 pm', '11 pm');
    const files = [original[0] as ArticleFile, fixtureFile('library-extends-hours', edited), original[2] as ArticleFile];
    const { articles, stats } = segmentArticles(ingest(files), cache);
    expect(stats).toEqual({ hits: 2, misses: 1 });
    expect(articles.find((a) => a.id === 'library-extends-hours')?.text).toContain('11 pm');
  });

  it('does not share an entry between two files with the same bytes under different names', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'orchard-frost-losses.md'), 'utf8');
    const [a, b] = ingest([fixtureFile('orchard-frost-losses', bytes), fixtureFile('frost-copy', bytes)]) as [Article, Article];
    expect(a.contentHash).toBe(b.contentHash);
    expect(articleCacheKey(a)).not.toBe(articleCacheKey(b));
    const cache = createMemoryArticleCache();
    segmentArticles([a], cache);
    const [copy] = segmentArticles([b], cache).articles;
    expect(copy?.sentences[0]?.articleId).toBe(b.id);
  });

  it('hands out copies, so a caller that edits a result cannot corrupt the cache', () => {
    const cache = createMemoryArticleCache();
    const articles = ingest([fixtureFile('harbour-bridge-reopens')]);
    const [first] = segmentArticles(articles, cache).articles;
    if (first === undefined) throw new Error('no article');
    first.sentences.length = 0;
    const [again] = segmentArticles(articles, cache).articles;
    expect(again?.sentences.length).toBeGreaterThan(0);
  });
});

/** Every ingest fixture file, and every normalize and sentences fixture input as an article body. */
function oddArticles(): Article[] {
  const fixtures = path.join(import.meta.dirname, '../fixtures');
  const files: ArticleFile[] = [];
  for (const name of readdirSync(path.join(fixtures, 'ingest'))) {
    const input = path.join(fixtures, 'ingest', name, 'input');
    for (const file of readdirSync(input, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) files.push({ path: `content/articles/${name}-${file.name}`, bytes: readFileSync(path.join(file.parentPath, file.name)) });
    }
  }
  const articles = files.flatMap((file) => ingestArticles([file]).articles);
  for (const stage of ['normalize', 'sentences']) {
    for (const name of readdirSync(path.join(fixtures, stage))) {
      for (const input of ['input.md', 'input.txt']) {
        const file = path.join(fixtures, stage, name, input);
        if (!existsSync(file)) continue;
        articles.push({
          id: name,
          file: `content/articles/${name}.md`,
          meta: { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: `content/articles/${name}.md`, language: 'en' },
          body: readFileSync(file, 'utf8'),
          contentHash: '0'.repeat(64),
        });
      }
    }
  }
  return articles;
}

/** What `segmentArticles` makes of an entry read back from a file cache (JSON text in between). */
function roundTrip(article: Article): { result: SegmentedArticle; hit: SegmentedArticle | undefined } {
  const result = splitSentences(normalizeArticle(article));
  const entry = toCachedArticle(article, result);
  expect(entry).toBeDefined();
  const hit = fromCachedArticle(article, JSON.parse(JSON.stringify(entry)));
  return { result, hit };
}

describe('the compact article entry', () => {
  it('rebuilds exactly the segmented article on every fixture, odd files included', () => {
    const articles = oddArticles();
    expect(articles.length).toBeGreaterThan(20);
    for (const article of articles) {
      const { result, hit } = roundTrip(article);
      expect(hit, article.file).toEqual(result);
      expect(JSON.stringify(hit), article.file).toBe(JSON.stringify(result));
    }
  });

  it('rebuilds exactly the segmented article of arbitrary text (markup, blank runs, CR, lone surrogates)', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('\n', '\n\n', '\r\n', '# ', '- ', '* ', '1. ', '. ', '? ', '"', '\ud800', 'Dr. ', '...', 'â€™', '|', '  ', '\t'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const article: Article = {
          id: 'fuzz',
          file: 'content/articles/fuzz.md',
          meta: { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: 'content/articles/fuzz.md', language: 'en' },
          body: pieces.join(''),
          contentHash: '0'.repeat(64),
        };
        const { result, hit } = roundTrip(article);
        expect(JSON.stringify(hit)).toBe(JSON.stringify(result));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a sentence whose text is not part of the normalized text as that text', () => {
    const [article] = ingest([fixtureFile('harbour-bridge-reopens')]) as [Article];
    const result = splitSentences(normalizeArticle(article));
    const sentences = result.sentences.map((s, i) => (i === 1 ? { ...s, text: 'A sentence the text does not hold.' } : s));
    const entry = toCachedArticle(article, { ...result, sentences });
    expect(entry?.texts).toEqual(['A sentence the text does not hold.']);
    expect(entry?.sentences.slice(4, 8)).toEqual([sentences[1]!.paragraph, 0, -1, 0]);
    expect(fromCachedArticle(article, JSON.parse(JSON.stringify(entry)))).toEqual({ ...result, sentences });
  });

  it('is not made when rebuilding from it would not give the stages\' result', () => {
    const [article] = ingest([fixtureFile('harbour-bridge-reopens')]) as [Article];
    const result = splitSentences(normalizeArticle(article));
    expect(toCachedArticle(article, { ...result, body: `${result.body} ` })).toBeUndefined();
    const sentences = result.sentences.map((s, i) => (i === 1 ? { ...s, id: 'other#1' } : s));
    expect(toCachedArticle(article, { ...result, sentences })).toBeUndefined();
  });

  it('counts an entry of the wrong shape as a miss', () => {
    const [article] = ingest([fixtureFile('harbour-bridge-reopens')]) as [Article];
    const entry = toCachedArticle(article, splitSentences(normalizeArticle(article)));
    if (entry === undefined) throw new Error('no entry');
    expect(fromCachedArticle(article, { ...entry, sentences: [0, 0, null, 1] } as never)).toBeUndefined();
    expect(fromCachedArticle(article, { ...entry, sentences: [0, 7, 0, 1] })).toBeUndefined();
    expect(fromCachedArticle(article, { ...entry, sentences: [0, 0, 0] })).toBeUndefined();
    expect(fromCachedArticle(article, { ...entry, sentences: [0, 0, -1, 0] })).toBeUndefined();
    expect(fromCachedArticle(article, { ...entry, text: 3 } as never)).toBeUndefined();
  });
});

describe('openFileCache', () => {
  it('keeps the entries a finished build saved, so a second build reads everything from disk', () => {
    const dir = tempDir();
    const articles = ingest(NAMES.map((name) => fixtureFile(name)));
    const cache = openFileCache({ dir, version: 'v1' });
    const first = segmentArticles(articles, cache).articles;
    cache.save();
    const reopened = openFileCache({ dir, version: 'v1' });
    const observer = countingObserver();
    const second = segmentArticles(articles, reopened, observer);
    expect(second.stats).toEqual({ hits: 3, misses: 0 });
    expect(observer.calls).toEqual({});
    expect(JSON.stringify(second.articles)).toBe(JSON.stringify(first));
  });

  it('drops exactly the entries of articles that were removed or changed when it saves', () => {
    const dir = tempDir();
    const all = ingest(NAMES.map((name) => fixtureFile(name)));
    const full = openFileCache({ dir, version: 'v1' });
    segmentArticles(all, full);
    full.save();
    const kept = all.filter((article) => article.id !== 'library-extends-hours');
    const cache = openFileCache({ dir, version: 'v1' });
    segmentArticles(kept, cache);
    expect(cache.save()).toBe(1);
    const reopened = openFileCache({ dir, version: 'v1' });
    for (const article of kept) expect(reopened.get(articleCacheKey(article))).toBeDefined();
    expect(reopened.get(articleCacheKey(all.find((article) => article.id === 'library-extends-hours') as Article))).toBeUndefined();
  });

  it('writes nothing until the build saves, then one file, which a reopened cache reads', () => {
    const dir = tempDir();
    const articles = ingest(NAMES.map((name) => fixtureFile(name)));
    const first = openFileCache({ dir, version: 'v1' });
    const built = segmentArticles(articles, first).articles;
    expect(readdirSync(first.dir)).toHaveLength(0);
    expect(first.save()).toBe(0);
    expect(readdirSync(first.dir)).toEqual(['entries.jsonl']);
    const reopened = openFileCache({ dir, version: 'v1' });
    const again = segmentArticles(articles, reopened);
    expect(again.stats).toEqual({ hits: 3, misses: 0 });
    expect(JSON.stringify(again.articles)).toBe(JSON.stringify(built));
    // A second save keeps the pack whole when every entry was used again.
    expect(reopened.save()).toBe(0);
    expect(segmentArticles(articles, openFileCache({ dir, version: 'v1' })).stats).toEqual({ hits: 3, misses: 0 });
  });

  it('writes the pack as plain ASCII and reads accents, dashes, emoji and lone surrogates back exactly', () => {
    const dir = tempDir();
    const cache = openFileCache<{ text: string }>({ dir, version: 'v1' });
    const value = { text: 'Café owners’ “protest” — ümlaut, 東京, 😀, lone \ud800 half, line\nbreak and \\u00e9 written out' };
    const key = 'ab'.repeat(32);
    cache.set(key, value);
    cache.save();
    const bytes = readFileSync(path.join(cache.dir, 'entries.jsonl'));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(openFileCache<{ text: string }>({ dir, version: 'v1' }).get(key)).toEqual(value);
  });

  it('treats a damaged line of the pack as a miss, recomputes that article and packs it again', () => {
    const dir = tempDir();
    const articles = ingest(NAMES.map((name) => fixtureFile(name)));
    const first = openFileCache({ dir, version: 'v1' });
    segmentArticles(articles, first);
    first.save();
    const pack = path.join(first.dir, 'entries.jsonl');
    const damagedKey = articleCacheKey(articles[1] as Article);
    const lines = readFileSync(pack, 'utf8').split('\n').map((line) => (line.startsWith(damagedKey) ? `${damagedKey} {"text": "cut off` : line));
    writeFileSync(pack, lines.join('\n'));
    const reopened = openFileCache({ dir, version: 'v1' });
    expect(segmentArticles(articles, reopened).stats).toEqual({ hits: 2, misses: 1 });
    reopened.save();
    expect(segmentArticles(articles, openFileCache({ dir, version: 'v1' })).stats).toEqual({ hits: 3, misses: 0 });
  });

  it('starts empty for a new pipeline version and deletes the old version folder', () => {
    const dir = tempDir();
    const articles = ingest([fixtureFile('harbour-bridge-reopens')]);
    segmentArticles(articles, openFileCache({ dir, version: 'v1' }));
    const next = openFileCache({ dir, version: 'v2' });
    expect(segmentArticles(articles, next).stats).toEqual({ hits: 0, misses: 1 });
    expect(readdirSync(dir).filter((name) => !name.endsWith('.TAG'))).toEqual(['v2']);
  });

  it('never removes a folder it did not create, even when pointed at the wrong place', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'keep.ts'), 'export {};');
    openFileCache({ dir, version: 'v1' });
    openFileCache({ dir, version: 'v2' });
    expect(readdirSync(dir).sort()).toEqual(['CACHEDIR.TAG', 'src', 'v2']);
    expect(readFileSync(path.join(dir, 'src', 'keep.ts'), 'utf8')).toBe('export {};');
  });

  it('leaves the saved cache as it was when a build ends without saving (it failed or was killed)', () => {
    const dir = tempDir();
    const articles = ingest(NAMES.map((name) => fixtureFile(name)));
    const first = openFileCache({ dir, version: 'v1' });
    segmentArticles(articles.slice(0, 2), first);
    first.save();
    const packBefore = readFileSync(path.join(first.dir, 'entries.jsonl'));
    segmentArticles(articles, openFileCache({ dir, version: 'v1' }));
    expect(readFileSync(path.join(first.dir, 'entries.jsonl')).equals(packBefore)).toBe(true);
    expect(segmentArticles(articles, openFileCache({ dir, version: 'v1' })).stats).toEqual({ hits: 2, misses: 1 });
  });

  it('refuses a key that is not a hash, so no key can point outside the cache folder', () => {
    const cache = openFileCache({ dir: tempDir(), version: 'v1' });
    expect(() => cache.get('../../etc/passwd')).toThrow(/hex hash/);
  });
});

/** How many stories of `after` have a set of sources that no story of `before` had. */
function newGroups(before: { sourceIds: string[] }[], after: { sourceIds: string[] }[]): number {
  const seen = new Set(before.map((story) => story.sourceIds.join(' ')));
  return after.filter((story) => !seen.has(story.sourceIds.join(' '))).length;
}

describe('buildDigest with caches', () => {
  const corpus = generateCorpus({ articles: 41, seed: 7 });
  const before = corpus.files.slice(0, 40);
  const after = corpus.files;

  it('gives, after adding one article, exactly the digest a cold build gives', () => {
    const cache = createMemoryArticleCache();
    const storyCache = createMemoryStoryCache();
    buildDigest(before, { cache, storyCache });
    const warm = buildDigest(after, { cache, storyCache });
    const cold = buildDigest(after);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
  });

  it('reruns the story stages only for the story the new article joins', () => {
    const cache = createMemoryArticleCache();
    const storyCache = createMemoryStoryCache();
    const first = buildDigest(before, { cache, storyCache });
    const observer = countingObserver();
    const second = buildDigest(after, { cache, storyCache, observer });
    expect(observer.calls.normalize).toBe(1);
    // Exactly the stories whose set of sources is new were rebuilt: at least the one with the new article.
    const changed = newGroups(first.digest.stories, second.digest.stories);
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(observer.calls.merge).toBe(changed);
  });

  it('rebuilds the story of an article that was removed, and only that one', () => {
    const cache = createMemoryArticleCache();
    const storyCache = createMemoryStoryCache();
    const full = buildDigest(after, { cache, storyCache });
    const story = full.digest.stories.find((s) => s.sourceIds.length >= 2);
    if (story === undefined) throw new Error('the corpus should hold a story with two sources');
    const removed = story.sourceIds[0] as string;
    const observer = countingObserver();
    const rebuilt = buildDigest(after.filter((file) => !file.path.endsWith(`/${removed}.md`)), { cache, storyCache, observer });
    expect(observer.calls.normalize ?? 0).toBe(0);
    const changed = newGroups(full.digest.stories, rebuilt.digest.stories);
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(observer.calls.merge).toBe(changed);
    expect(rebuilt.digest.sources.map((s) => s.id)).not.toContain(removed);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(buildDigest(after.filter((file) => !file.path.endsWith(`/${removed}.md`)))));
  });
});

describe('openDigestCaches', () => {
  const corpus = generateCorpus({ articles: 31, seed: 3 });
  const before = corpus.files.slice(0, 30);
  const after = corpus.files;

  it('fills every cache kind in a first build, and a reopened set serves a second build the cold digest', () => {
    const dir = tempDir();
    const first = openDigestCaches({ dir, version: 'v1' });
    buildDigest(before, first.buildOptions);
    for (const kind of ['ingest', 'articles'] as const) expect(first[kind].stats.writes, kind).toBe(30);
    // The cluster features of the whole corpus are one entry.
    expect(first.features.stats.writes).toBe(1);
    first.save();
    const reopened = openDigestCaches({ dir, version: 'v1' });
    const observer = countingObserver();
    const warm = buildDigest(after, { ...reopened.buildOptions, observer });
    for (const kind of ['ingest', 'articles'] as const) {
      expect(reopened[kind].stats.reads, kind).toBe(30);
      expect(reopened[kind].stats.writes, kind).toBe(1);
    }
    expect(reopened.features.stats).toEqual({ reads: 1, writes: 1 });
    expect(observer.calls.normalize).toBe(1);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(buildDigest(after)));
  });

  it('drops, in every kind, the entries of a removed article and of the story it was in', () => {
    const dir = tempDir();
    const full = openDigestCaches({ dir, version: 'v1' });
    buildDigest(after, full.buildOptions);
    full.save();
    const caches = openDigestCaches({ dir, version: 'v1' });
    buildDigest(before, caches.buildOptions);
    const removed = { ingest: 0, articles: 0, features: 0, stories: 0 };
    for (const kind of Object.keys(removed) as (keyof typeof removed)[]) removed[kind] = caches[kind].save();
    expect(removed.ingest).toBe(1);
    expect(removed.articles).toBe(1);
    // The one cluster-features entry is rewritten without the article, not dropped.
    expect(removed.features).toBe(0);
    expect(caches.features.stats.writes).toBe(1);
    expect(removed.stories).toBeGreaterThanOrEqual(1);
    const reopened = openDigestCaches({ dir, version: 'v1' });
    buildDigest(before, reopened.buildOptions);
    for (const kind of ['ingest', 'articles', 'features', 'stories'] as const) expect(reopened[kind].stats.writes, kind).toBe(0);
    for (const kind of ['ingest', 'articles'] as const) expect(reopened[kind].stats.reads, kind).toBe(30);
    expect(reopened.features.stats.reads).toBe(1);
    expect(reopened.save()).toBe(0);
  });
});

describe('storyCacheKey', () => {
  it('changes when a member changes its text or its file name, and with the order of the members', () => {
    const articles = segmentArticles(ingest(NAMES.map((name) => fixtureFile(name)))).articles;
    const [a, b] = articles as [SegmentedArticle, SegmentedArticle];
    const key = storyCacheKey([a, b]);
    expect(storyCacheKey([a, b])).toBe(key);
    expect(storyCacheKey([{ ...a, contentHash: `${a.contentHash}0` }, b])).not.toBe(key);
    expect(storyCacheKey([{ ...a, file: `${a.file}x` }, b])).not.toBe(key);
    expect(storyCacheKey([b, a])).not.toBe(key);
    expect(storyCacheKey([a])).not.toBe(key);
  });
});
