/**
 * Per-article work that can be reused between builds: normalization and sentence splitting.
 *
 * Both depend on nothing but the article's own file (its bytes and its path), so their result can
 * be stored under a key derived from the two and reused as long as the file is unchanged. The store
 * is injected (`ArticleCache`): in memory for tests, on disk for the CLI (`src/io/file-cache.ts`).
 * This module stays pure: it never reads a clock or a file, and a cache hit yields exactly what a
 * recomputation would.
 */
import { createHash } from 'node:crypto';
import type { Article, SegmentedArticle } from '../types.ts';
import { createMemoryCache, type KeyValueCache } from './memory-cache.ts';
import { normalizeArticle } from './normalize.ts';
import { splitSentences } from './split-sentences.ts';
import { silentObserver, type StageObserver } from './stage-observer.ts';

/**
 * What is kept per article: the whole segmented article. Keeping all of it (not only the fields the
 * two stages add) means a hit can never differ from a recomputation, even if a stage rewrites a field
 * of the `Article` it was given.
 */
export type CachedArticle = SegmentedArticle;

/** A key–value store for per-article results. `get` returns undefined on a miss. */
export type ArticleCache = KeyValueCache<CachedArticle>;

/** How many articles were served from the cache and how many were recomputed. */
export interface ArticleCacheStats {
  hits: number;
  misses: number;
}

/**
 * The cache key of an article: a SHA-256 over its content hash and its path. The path is part of the
 * key because the article id (and so every sentence id) comes from the file name: two files with the
 * same bytes under different names must not share an entry.
 */
export function articleCacheKey(article: Pick<Article, 'contentHash' | 'file'>): string {
  return createHash('sha256').update(`${article.contentHash}\n${article.file}`).digest('hex');
}

/**
 * Normalizes and segments every article, taking results from `cache` where it has them and storing
 * the ones it had to compute. Without a cache it simply runs both stages. Returns the articles in
 * input order, plus how many were hits and misses (for the build report and the benchmark).
 * `observer` is handed each stage call, so hits show up as work not done.
 */
export function segmentArticles(
  articles: readonly Article[],
  cache?: ArticleCache,
  observer: StageObserver = silentObserver,
): { articles: SegmentedArticle[]; stats: ArticleCacheStats } {
  // Look everything up first, so the observer is told the true amount of work before it starts.
  const keys = articles.map((article) => (cache === undefined ? '' : articleCacheKey(article)));
  const found = articles.map((_article, i) => cache?.get(keys[i] ?? ''));
  const missing = found.filter((entry) => entry === undefined).length;
  observer.start?.('normalize', missing);
  observer.start?.('sentences', missing);
  const segmented = articles.map((article, i) => {
    const hit = found[i];
    if (hit !== undefined) return hit;
    const normalized = observer.run('normalize', () => normalizeArticle(article));
    const result = observer.run('sentences', () => splitSentences(normalized));
    cache?.set(keys[i] ?? '', result);
    return result;
  });
  const stats: ArticleCacheStats = { hits: articles.length - missing, misses: missing };
  return { articles: segmented, stats };
}

/** An `ArticleCache` in memory (see `createMemoryCache`), for tests and in-process builds. */
export function createMemoryArticleCache(): ArticleCache & { readonly size: number } {
  return createMemoryCache<CachedArticle>();
}
