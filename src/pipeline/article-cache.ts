/**
 * Per-article work that can be reused between builds: normalization and sentence splitting.
 *
 * Both depend on nothing but the article's own file (its bytes and its path), so their result can
 * be stored under a key derived from the two and reused as long as the file is unchanged. The store
 * is injected (`ArticleCache`): in memory for tests, on disk for the CLI (`src/io/file-cache.ts`).
 * An entry holds only what the two stages add to the ingested `Article` (which the ingest cache
 * already keeps): the normalized text as a span of the body where it is one, and each sentence as
 * four numbers (its paragraph, its kind and its text as a span of the normalized text), all in one
 * list: a rebuild parses a thousand entries, and one flat list of numbers parses in half the time
 * of a small array per sentence. A hit is merged back with the `Article`. A result is stored only
 * after checking that this merge rebuilds it exactly, so this module stays pure (it never reads a
 * clock or a file) and a hit yields exactly what a recomputation would.
 */
import type { Article, Removal, Repair, SegmentedArticle, Sentence, SentenceKind } from '../types.ts';
import { fileCacheKey } from './cache-key.ts';
import { createMemoryCache, type KeyValueCache } from './memory-cache.ts';
import { normalizeArticle } from './normalize/normalize.ts';
import { splitSentences } from './split-sentences.ts';
import { silentObserver, type StageObserver } from './stage-observer.ts';

/**
 * What is kept per article: the fields the two stages add to the `Article`, and per sentence only
 * what its id, article id and index (its position) do not give. Stored only when rebuilding from it
 * gives the stages' result exactly (see `toCachedArticle`).
 */
export interface CachedArticle {
  /** The normalized text, as `[start, end]` offsets into the `Article`'s body when it is found there. */
  text: string | [number, number];
  removed: Removal[];
  repairs: Repair[];
  /**
   * Four numbers per sentence, in order: its paragraph, its kind (a position in `SENTENCE_KINDS`),
   * and its text as `start, end` offsets into `text`; where the text is not found there, `-1` and
   * its position in `texts`.
   */
  sentences: number[];
  /** The sentence texts not found in `text`, when there are any. */
  texts?: string[];
}

/**
 * Every `SentenceKind`; an entry stores a sentence's kind as its position here. Written as the keys
 * of a record of every kind, so the compiler says when a kind is added and not listed. Positions
 * only ever get appended: a stored number must keep naming the same kind.
 */
const SENTENCE_KINDS: readonly SentenceKind[] = Object.keys({ sentence: 0, heading: 0, 'list-item': 0 } satisfies Record<SentenceKind, 0>) as SentenceKind[];

/** A key–value store for per-article results. `get` returns undefined on a miss. */
export type ArticleCache = KeyValueCache<CachedArticle>;

/** How many articles were served from the cache and how many were recomputed. */
export interface ArticleCacheStats {
  hits: number;
  misses: number;
}

/** The cache key of an article: that of its file (see `fileCacheKey`). */
export function articleCacheKey(article: Pick<Article, 'contentHash' | 'file'>): string {
  return fileCacheKey(article.contentHash, article.file);
}

/** The order of a sentence's keys as `splitSentences` writes them; the digest shows sentences as they are. */
const SENTENCE_KEYS = 'id,articleId,index,paragraph,text,kind';

/**
 * The entry to store for `result`, the stages' output for `article`; undefined when rebuilding from
 * an entry would not give `result` exactly (a stage changed a field of the `Article`, or a sentence's
 * id, article id or index is not what its position gives), so such an article is never cached.
 */
export function toCachedArticle(article: Article, result: SegmentedArticle): CachedArticle | undefined {
  const added = ['text', 'removed', 'repairs', 'sentences'];
  const keys = Object.keys(result);
  const own = Object.keys(article);
  if (keys.join() !== [...own, ...added].join()) return undefined;
  for (const key of own) if (!Object.is(result[key as keyof Article], article[key as keyof Article])) return undefined;
  const { text, body } = result;
  const at = body.indexOf(text);
  const sentences: number[] = [];
  const texts: string[] = [];
  let from = 0;
  for (const [index, sentence] of result.sentences.entries()) {
    if (Object.keys(sentence).join() !== SENTENCE_KEYS || sentence.id !== `${article.id}#${index}` || sentence.articleId !== article.id || sentence.index !== index) return undefined;
    let start = text.indexOf(sentence.text, from);
    if (start < 0) start = text.indexOf(sentence.text);
    const kind = SENTENCE_KINDS.indexOf(sentence.kind);
    if (kind < 0 || !Number.isInteger(sentence.paragraph)) return undefined;
    if (start < 0) {
      sentences.push(sentence.paragraph, kind, -1, texts.length);
      texts.push(sentence.text);
    } else {
      sentences.push(sentence.paragraph, kind, start, start + sentence.text.length);
      from = start + sentence.text.length;
    }
  }
  return {
    text: at < 0 ? text : [at, at + text.length],
    removed: result.removed,
    repairs: result.repairs,
    sentences,
    ...(texts.length > 0 ? { texts } : {}),
  };
}

/**
 * The segmented article an entry stands for, merged with the ingested `article` (the inverse of
 * `toCachedArticle`); undefined when the entry is not of that shape (a damaged or foreign entry is a miss).
 */
export function fromCachedArticle(article: Article, entry: CachedArticle): SegmentedArticle | undefined {
  const { removed, repairs, sentences: compact, texts } = entry;
  const span: unknown = entry.text;
  let text: string;
  if (typeof span === 'string') text = span;
  else if (Array.isArray(span) && typeof span[0] === 'number' && typeof span[1] === 'number') text = article.body.slice(span[0], span[1]);
  else return undefined;
  if (!Array.isArray(removed) || !Array.isArray(repairs) || !Array.isArray(compact) || compact.length % 4 !== 0) return undefined;
  if (texts !== undefined && !Array.isArray(texts)) return undefined;
  const sentences: Sentence[] = [];
  for (let index = 0; 4 * index < compact.length; index += 1) {
    const paragraph: unknown = compact[4 * index];
    const kind = SENTENCE_KINDS[compact[4 * index + 1] as number];
    const start: unknown = compact[4 * index + 2];
    const end: unknown = compact[4 * index + 3];
    if (typeof paragraph !== 'number' || kind === undefined || typeof start !== 'number' || typeof end !== 'number') return undefined;
    const sentence: unknown = start === -1 ? texts?.[end] : text.slice(start, end);
    if (typeof sentence !== 'string') return undefined;
    sentences.push({ id: `${article.id}#${index}`, articleId: article.id, index, paragraph, text: sentence, kind });
  }
  return { ...article, text, removed, repairs, sentences };
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
  const found = articles.map((article, i) => {
    const entry = cache?.get(keys[i] ?? '');
    return entry === undefined ? undefined : fromCachedArticle(article, entry);
  });
  const missing = found.filter((entry) => entry === undefined).length;
  observer.start?.('normalize', missing);
  observer.start?.('sentences', missing);
  const segmented = articles.map((article, i) => {
    const hit = found[i];
    if (hit !== undefined) return hit;
    const normalized = observer.run('normalize', () => normalizeArticle(article));
    const result = observer.run('sentences', () => splitSentences(normalized));
    const entry = cache === undefined ? undefined : toCachedArticle(article, result);
    if (entry !== undefined) cache?.set(keys[i] ?? '', entry);
    return result;
  });
  const stats: ArticleCacheStats = { hits: articles.length - missing, misses: missing };
  return { articles: segmented, stats };
}

/** An `ArticleCache` in memory (see `createMemoryCache`), for tests and in-process builds. */
export function createMemoryArticleCache(): ArticleCache & { readonly size: number } {
  return createMemoryCache<CachedArticle>();
}
