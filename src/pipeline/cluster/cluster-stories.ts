/**
 * Story clustering: groups the articles that report the same event into one `StoryCluster`.
 *
 * Each article becomes a TF-IDF vector over its stemmed terms, names (runs of capitalized words)
 * and figures. A feature's weight is the geometric mean of two inverse frequencies: the corpus's
 * own (what is common in this coverage says little) and everyday English's
 * (`background-frequency.ts`: what is rare in general speech is specific). The corpus weight alone
 * collapses when one event is most of the coverage, since that event's own names are then in most
 * articles; the background weight alone cannot tell a saga's recurring names (the same companies
 * in five events of one deal) from one event's. Names and figures get no extra weight: being rare
 * in everyday English already weighs them (an extra boost measured worse on the real corpora).
 * Features held by one article only are left out: they can match nothing and would only shrink
 * that article's similarities.
 *
 * Cost stays near-linear in the number of articles: every article is reduced to a short signature
 * (its most distinctive shareable features), signatures go into an inverted index, and only groups
 * holding a pair that shares at least `minSharedKeys` signature keys are ever compared. A key held
 * by more than `maxKeyFrequency` articles (vocabulary many events share, or a very large story's
 * name) pairs each article only with the `commonKeyWindow` articles before it in that posting, so
 * a large story stays connected at a fixed cost per article. Both limits are fixed counts.
 *
 * Grouping is average linkage with publication dates as evidence (`group-articles.ts`). Articles in
 * different languages never share a story.
 *
 * Only the counting of each article's features depends on the article alone; everything after it
 * depends on the whole corpus (one more article changes every weight). So the counts can come from
 * an injected `ClusterFeatureCache`, and the corpus-wide part works on interned integer feature
 * ids. Every sum is taken in the same order with or without the cache, and which id a feature gets
 * decides nothing (ties between features are broken by their keys), so the clusters are the same
 * with or without it.
 */
import { hash } from 'node:crypto';
import { assertInRange } from '../../errors.ts';
import type { ClusterStats, SegmentedArticle, StoryCluster } from '../../types.ts';
import { decodeSnapshot, encodeSnapshot, isSoundRecord, snapshotName, type ClusterSnapshot, type DecodedSnapshot } from './cluster-snapshot.ts';
import { createMemoryCache, type KeyValueCache } from '../memory-cache.ts';
import { contentTerms, entities, figures } from '../text-features.ts';
import { backgroundRarity } from './background-frequency.ts';
import { groupArticles } from './group-articles.ts';

/** Tuning of `clusterStories`; every field is optional and range-checked. */
export interface ClusterOptions {
  /** Minimum average similarity (0–1) of two groups for them to become one story. Default 0.12. */
  threshold?: number;
  /** How many of its most distinctive features index an article (1–500). Default 16. */
  signatureSize?: number;
  /** Signature keys two articles must share to be compared (1–50). Default 2. */
  minSharedKeys?: number;
  /** Keys held by more articles than this (2–100000) are paired only through a short window. Default 100. */
  maxKeyFrequency?: number;
  /** How many earlier holders of a very common key an article is paired with (0–1000). Default 5. */
  commonKeyWindow?: number;
  /** Publication dates at most this many days apart (0–365) are no evidence against one story. Default 3. */
  graceDays?: number;
  /** Beyond the grace, similarity falls by a factor e for every this many days (0.1–365). Default 7. */
  decayDays?: number;
}

/**
 * Defaults calibrated on two hand-labelled real corpora (`eval/deals`, `eval/storms`) and our own
 * launch-coverage fixture; see README, "Clustering on real coverage".
 */
const DEFAULTS: Required<ClusterOptions> = {
  threshold: 0.12,
  signatureSize: 16,
  minSharedKeys: 2,
  maxKeyFrequency: 100,
  commonKeyWindow: 5,
  graceDays: 3,
  decayDays: 7,
};

/**
 * The corpus weight of a feature is ln(1 + CORPUS_SCALE / document frequency): rarer is heavier,
 * but, unlike ln(N / df), it does not grow with the number of articles N. With ln(N / df), adding
 * articles about other things raised every weight by the same amount, which flattened the vectors
 * and pulled apart stories together (a property test caught it).
 */
const CORPUS_SCALE = 100;

/**
 * An article's raw features: stemmed terms, `@entity` and `#figure` keys with how often each occurs,
 * in the order first seen (that order fixes the order of every later sum, so it is kept).
 */
export interface ClusterFeatures {
  keys: string[];
  /** `counts[i]` is how often `keys[i]` occurs. */
  counts: number[];
}

export type { ClusterSnapshot } from './cluster-snapshot.ts';

/**
 * Where the clusterer keeps its `ClusterSnapshot` (see `cluster-snapshot.ts`): one entry, under
 * `CLUSTER_SNAPSHOT_KEY`. `get` returns undefined on a miss.
 */
export type ClusterFeatureCache = KeyValueCache<ClusterSnapshot>;

/** The key of the one entry of a `ClusterFeatureCache`. */
export const CLUSTER_SNAPSHOT_KEY = hash('sha256', 'cluster-stories: feature counts of the corpus');

interface Profile {
  index: number;
  id: string;
  /**
   * The L2-normalized TF-IDF vector over interned (language-scoped) feature ids: positions
   * `start` to `end` (exclusive) of the corpus's shared `ids` and `weights` arrays, in the order the
   * features were first seen. One pair of arrays for the whole corpus, not one per article, keeps
   * the garbage collector out of a rebuild.
   */
  start: number;
  end: number;
}

/** Interned features: one id per (language, key), with what the weighting needs per id. */
interface FeatureTable {
  /** The id of each `${language} ${key}`. */
  idOf: Map<string, number>;
  /**
   * The `${language} ${key}` of each id; breaks weight ties in signatures. Both features of a tie
   * belong to one article, so one language: the order is the order of their keys.
   */
  keyOf: string[];
  /** Document frequency of each id within its language. */
  df: number[];
}

/** The profiles of a corpus and the arrays their vectors live in. */
interface Corpus {
  profiles: Profile[];
  table: FeatureTable;
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Groups `articles` into stories. Returns the clusters (article ids sorted; clusters sorted by
 * their first id) and unit-free cost figures: `candidatePairs` scored versus `allPairs`.
 * `cache` holds the feature counts of the previous build's corpus (see `ClusterSnapshot`) and is
 * given this corpus's; with or without it the result is the same.
 */
export function clusterStories(
  articles: SegmentedArticle[],
  options: ClusterOptions = {},
  cache?: ClusterFeatureCache,
): { clusters: StoryCluster[]; stats: ClusterStats } {
  const opts = checkOptions(options);
  const ordered = [...articles].sort((a, b) => compareIds(a.id, b.id));
  const saved = cache?.get(CLUSTER_SNAPSHOT_KEY);
  const { corpus, snapshot } = buildProfiles(ordered, saved, cache !== undefined);
  if (snapshot !== undefined && snapshot !== saved) cache?.set(CLUSTER_SNAPSHOT_KEY, snapshot);
  const { profiles } = corpus;

  // Features are scoped by language, so articles in different languages share no key: they are
  // never candidates, so never grouped.
  const candidates = candidatePairs(corpus, opts);
  const starts = new Int32Array(profiles.length + 1);
  profiles.forEach((profile, index) => {
    starts[index] = profile.start;
    starts[index + 1] = profile.end;
  });
  const groups = groupArticles(
    {
      ids: corpus.ids,
      weights: corpus.weights,
      starts,
      dimension: corpus.table.keyOf.length,
      days: Float64Array.from(ordered, (article) => publicationDay(article)),
      pairs: candidates,
    },
    { threshold: opts.threshold, graceDays: opts.graceDays, decayDays: opts.decayDays },
  );
  // Profiles are in id order and each group is ascending, so each cluster's ids are sorted.
  const clusters = groups.map((members) => ({ articleIds: members.map((index) => (profiles[index] as Profile).id) }));
  const n = articles.length;
  return {
    clusters,
    stats: { articles: n, candidatePairs: candidates.length / 2, allPairs: n < 2 ? 0 : (n * (n - 1)) / 2 },
  };
}

/** The publication day (days since 1970-01-01), or NaN when the article does not state it. */
function publicationDay(article: SegmentedArticle): number {
  const { published } = article.meta;
  return published === 'unknown' ? Number.NaN : Date.parse(`${published}T00:00:00Z`) / 86_400_000;
}

/** Sentences of an article's opening that count twice among its features: its lead. */
const LEAD_SENTENCES = 2;

/**
 * Counts the features of one article (headline, lead twice, and text): what `clusterStories` caches per article.
 * A pure function of the article's file, like normalization, so it can be reused while the file is unchanged.
 */
export function clusterFeatures(article: SegmentedArticle): ClusterFeatures {
  // The lead says which event the report is about; the rest often retells the saga around it (an
  // arrest story recounts the bankruptcy, a closing story the regulator's fight), so it counts twice.
  const lead = article.sentences
    .filter((sentence) => sentence.kind !== 'heading')
    .slice(0, LEAD_SENTENCES)
    .map((sentence) => sentence.text)
    .join(' ');
  const text = `${headline(article)}\n${lead}\n${article.text}`;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const term of contentTerms(text)) add(term);
  for (const entity of entities(text)) add(`@${entity}`);
  for (const figure of figures(text)) add(`#${figure.unit}${Number(figure.value.toPrecision(4))}`);
  return { keys: [...counts.keys()], counts: [...counts.values()] };
}

/** A `ClusterFeatureCache` in memory (see `createMemoryCache`), for tests and in-process builds. */
export function createMemoryClusterFeatureCache(): ClusterFeatureCache & { readonly size: number } {
  return createMemoryCache<ClusterSnapshot>();
}

function checkOptions(options: ClusterOptions): Required<ClusterOptions> {
  const opts = { ...DEFAULTS, ...options };
  const stage = 'clusterStories';
  assertInRange(stage, 'threshold', opts.threshold, 0, 1);
  assertInRange(stage, 'signatureSize', opts.signatureSize, 1, 500);
  assertInRange(stage, 'minSharedKeys', opts.minSharedKeys, 1, 50);
  assertInRange(stage, 'maxKeyFrequency', opts.maxKeyFrequency, 2, 100_000);
  assertInRange(stage, 'commonKeyWindow', opts.commonKeyWindow, 0, 1000);
  assertInRange(stage, 'graceDays', opts.graceDays, 0, 365);
  assertInRange(stage, 'decayDays', opts.decayDays, 0.1, 365);
  return opts;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function headline(article: SegmentedArticle): string {
  return article.meta.title === 'unknown' ? '' : article.meta.title;
}

/** `1 + ln(count)` for the small counts nearly every feature has, computed once. */
const LOG_COUNT = Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

/**
 * Profiles of `articles` (index = position) with TF-IDF vectors. Document frequency is counted per
 * language: a term shared across languages says nothing about one story. The features of an
 * article that `saved` holds are taken from it; the others are counted. When `keep` is set, also
 * returns the snapshot of this corpus: `saved` itself when it already is that, else a new one.
 */
function buildProfiles(articles: SegmentedArticle[], saved: ClusterSnapshot | undefined, keep: boolean): { corpus: Corpus; snapshot?: ClusterSnapshot } {
  // The features of the snapshot keep their ids; a decoded snapshot is this call's own to extend.
  const previous = decodeSnapshot(saved);
  const table: FeatureTable =
    previous === undefined
      ? { idOf: new Map(), keyOf: [], df: [] }
      : {
          idOf: previous.idOf,
          keyOf: previous.vocabulary,
          df: new Array<number>(previous.vocabulary.length).fill(0),
        };
  const intern = function intern(key: string): number {
    let id = table.idOf.get(key);
    if (id === undefined) {
      id = table.keyOf.length;
      table.idOf.set(key, id);
      table.keyOf.push(key);
      table.df.push(0);
    }
    return id;
  };

  // Where each article's features come from: the position of its record in the snapshot, when
  // that holds a sound one, else its features counted now. Settled first, so the arrays below are
  // allocated once: filling typed arrays is several times faster than pushing onto plain ones.
  const sources: (number | ClusterFeatures)[] = [];
  // The article that last took each id: a saved article naming a feature twice is damaged.
  const lastHolder = new Int32Array(table.keyOf.length).fill(-1);
  let unchanged = previous !== undefined && previous.articles.length === articles.length;
  let total = 0;
  for (let index = 0; index < articles.length; index += 1) {
    const article = articles[index] as SegmentedArticle;
    const slot = previous?.slotOf.get(snapshotName(article));
    if (previous !== undefined && slot !== undefined && isSoundRecord(previous, slot, article.meta.language, index, lastHolder)) {
      if (slot !== index) unchanged = false;
      sources.push(slot);
      total += (previous.offsets[slot + 1] as number) - (previous.offsets[slot] as number);
    } else {
      unchanged = false;
      const counted = clusterFeatures(article);
      sources.push(counted);
      total += counted.keys.length;
    }
  }

  // Every article's interned features end to end, with each feature's count beside it.
  const features = new Int32Array(total);
  const counts = new Int32Array(total);
  const starts = new Int32Array(articles.length + 1);
  let at = 0;
  for (let index = 0; index < articles.length; index += 1) {
    starts[index] = at;
    const source = sources[index] as number | ClusterFeatures;
    if (typeof source === 'number') {
      const { offsets } = previous as DecodedSnapshot;
      const from = offsets[source] as number;
      const to = offsets[source + 1] as number;
      features.set((previous as DecodedSnapshot).ids.subarray(from, to), at);
      counts.set((previous as DecodedSnapshot).counts.subarray(from, to), at);
      at += to - from;
    } else {
      const language = (articles[index] as SegmentedArticle).meta.language;
      for (let k = 0; k < source.keys.length; k += 1, at += 1) {
        const key = source.keys[k] as string;
        features[at] = intern(`${language} ${key}`);
        counts[at] = source.counts[k] as number;
      }
    }
  }
  starts[articles.length] = at;
  for (let i = 0; i < features.length; i += 1) {
    const id = features[i] as number;
    table.df[id] = (table.df[id] as number) + 1;
  }
  // A saved feature no article holds any more is left out of the next snapshot.
  if (unchanged && table.df.includes(0)) unchanged = false;

  // The geometric mean of the corpus's inverse document frequency and everyday English's; a
  // feature only one article holds weighs nothing (it can match nothing).
  const idf = table.df.map((freq, id) => (freq < 2 ? 0 : Math.sqrt(Math.log(1 + CORPUS_SCALE / freq) * backgroundRarity(backgroundKey(table.keyOf[id] as string)))));
  const vectorIds = new Int32Array(features.length);
  const weights = new Float64Array(features.length);
  let size = 0;
  const profiles = articles.map(function weighArticle(article, index): Profile {
    const start = size;
    const to = starts[index + 1] as number;
    for (let i = starts[index] as number; i < to; i += 1) {
      const id = features[i] as number;
      const count = counts[i] as number;
      const weight = (LOG_COUNT[count] ?? 1 + Math.log(count)) * (idf[id] as number);
      if (weight > 0) {
        vectorIds[size] = id;
        weights[size] = weight;
        size += 1;
      }
    }
    // Unit length, the squares summed in feature order (as `scaleToUnit` of sparse-vector.ts does).
    let norm = 0;
    for (let i = start; i < size; i += 1) norm += (weights[i] as number) * (weights[i] as number);
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = start; i < size; i += 1) weights[i] = (weights[i] as number) / norm;
    return { index, id: article.id, start, end: size };
  });
  const corpus = { profiles, table, ids: vectorIds, weights };
  if (!keep) return { corpus };
  return { corpus, snapshot: unchanged ? saved : encodeSnapshot(articles, table.keyOf, features, counts, starts) };
}

/** A feature key as `backgroundRarity` takes it: without the `${language} ` the table adds. */
function backgroundKey(entry: string): string {
  return entry.slice(entry.indexOf(' ') + 1);
}


/**
 * Pairs (lower index first) that share at least `minSharedKeys` signature keys, end to end in one
 * flat list (`[a0, b0, a1, b1, …]`: no array per pair). A key held by more than
 * `maxKeyFrequency` articles only counts for the last `commonKeyWindow` holders before the article, so
 * each article has at most signatureSize × maxKeyFrequency partners to count.
 */
function candidatePairs(corpus: Corpus, opts: Required<ClusterOptions>): number[] {
  const { profiles, table } = corpus;
  const postings: number[][] = [];
  const shared = new Int32Array(profiles.length);
  const met: number[] = [];
  const partners: number[] = [];
  const pairs: number[] = [];
  for (let p = 0; p < profiles.length; p += 1) {
    const profile = profiles[p] as Profile;
    met.length = 0;
    const keys = signature(profile, corpus, opts.signatureSize);
    for (let k = 0; k < keys.length; k += 1) {
      const id = keys[k] as number;
      let posting = postings[id];
      if (posting === undefined) {
        posting = [];
        postings[id] = posting;
      }
      const common = (table.df[id] as number) > opts.maxKeyFrequency;
      const from = common ? Math.max(0, posting.length - opts.commonKeyWindow) : 0;
      for (let i = from; i < posting.length; i += 1) {
        const other = posting[i] as number;
        if (shared[other] === 0) met.push(other);
        shared[other] = (shared[other] as number) + 1;
      }
      posting.push(profile.index);
    }
    partners.length = 0;
    for (let i = 0; i < met.length; i += 1) {
      const other = met[i] as number;
      if ((shared[other] as number) >= opts.minSharedKeys) partners.push(other);
      shared[other] = 0;
    }
    partners.sort((a, b) => a - b);
    for (let i = 0; i < partners.length; i += 1) pairs.push(partners[i] as number, profile.index);
  }
  return pairs;
}

/**
 * An article's `size` most distinctive features that another article could share (document
 * frequency ≥ 2): highest weight first, ties by key. Kept as a short sorted list while scanning the
 * vector, which gives exactly the first `size` of the whole sorted list without sorting all of it.
 */
function signature(profile: Profile, corpus: Corpus, size: number): number[] {
  const { table, ids, weights: vectorWeights } = corpus;
  const top: number[] = [];
  const weights: number[] = [];
  const before = (id: number, weight: number, j: number): boolean => {
    const other = weights[j] as number;
    return weight > other || (weight === other && (table.keyOf[id] as string) < (table.keyOf[top[j] as number] as string));
  };
  for (let i = profile.start; i < profile.end; i += 1) {
    const id = ids[i] as number;
    const weight = vectorWeights[i] as number;
    if ((table.df[id] as number) < 2) continue;
    if (top.length === size && !before(id, weight, size - 1)) continue;
    let j = top.length === size ? size - 1 : top.length;
    while (j > 0 && before(id, weight, j - 1)) {
      top[j] = top[j - 1] as number;
      weights[j] = weights[j - 1] as number;
      j -= 1;
    }
    top[j] = id;
    weights[j] = weight;
  }
  return top;
}
