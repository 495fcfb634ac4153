/**
 * Story clustering: groups the articles that report the same event into one `StoryCluster`.
 *
 * Cost stays near-linear in the number of articles: every article is reduced to a short signature
 * (its most distinctive stemmed terms, named entities and figures by TF-IDF weight), signatures go
 * into an inverted index, and only pairs that share at least `minSharedKeys` signature keys are
 * scored. A key held by more than `maxKeyFrequency` articles is either vocabulary many events share
 * ("takeover", "storm") or the name of a very large story; enumerating its whole posting would make
 * the cost grow with the square of the corpus, so such a key pairs each article only with the
 * `commonKeyWindow` articles before it in that posting. That keeps a large story connected (each
 * member meets a few others, union-find does the rest) at a fixed cost per article. Both limits are
 * fixed counts, not shares of the corpus (a share let 10,000 articles score 35 times the pairs of 1,000).
 *
 * Candidates are scored by TF-IDF cosine over terms, entities and figures, blended with the
 * similarity of the two headlines (character-bigram Dice, which works on short spans but not on
 * whole documents). Pairs above `threshold` are joined strongest first, but two groups only merge
 * when their centroids are also similar (`linkThreshold`), so one article that mentions two events
 * cannot chain them together. Articles in different languages never share a story.
 *
 * Only the counting of each article's features depends on the article alone; everything after it
 * depends on the whole corpus (one more article changes every IDF weight). So the counts can come
 * from an injected `ClusterFeatureCache` (as `segmentArticles` takes an article cache), and the
 * corpus-wide part works on interned integer feature ids. Every sum and product is taken in the
 * same order as over the plain string-keyed vectors, and which id a feature gets decides nothing
 * (ties between features are broken by their keys), so the scores, and so the clusters, are the
 * same to the last bit with or without a cache.
 */
import { hash } from 'node:crypto';
import { assertInRange } from '../errors.ts';
import type { ClusterStats, SegmentedArticle, StoryCluster } from '../types.ts';
import { decodeSnapshot, encodeSnapshot, isSoundRecord, snapshotName, type ClusterSnapshot, type DecodedSnapshot } from './cluster-snapshot.ts';
import { headlineBigrams, headlineDice, type HeadlineBigrams } from './headline-dice.ts';
import { createMemoryCache, type KeyValueCache } from './memory-cache.ts';
import { contentTerms, entities, figures } from './text-features.ts';

/** Tuning of `clusterStories`; every field is optional and range-checked. */
export interface ClusterOptions {
  /** Minimum pair score (0–1) for two articles to be joined. Default 0.3. */
  threshold?: number;
  /** Minimum centroid cosine (0–1) for two groups to merge; guards against chaining. Default 0.25. */
  linkThreshold?: number;
  /** How many of its most distinctive features index an article (1–500). Default 24. */
  signatureSize?: number;
  /** Signature keys two articles must share to be scored (1–50). Default 2. */
  minSharedKeys?: number;
  /** Keys held by more articles than this (2–100000) are paired only through a short window. Default 100. */
  maxKeyFrequency?: number;
  /** How many earlier holders of a very common key an article is paired with (0–1000). Default 5. */
  commonKeyWindow?: number;
  /** Share (0–1) of the score that comes from headline similarity. Default 0.15. */
  titleWeight?: number;
}

const DEFAULTS: Required<ClusterOptions> = {
  threshold: 0.3,
  linkThreshold: 0.25,
  signatureSize: 16,
  minSharedKeys: 2,
  maxKeyFrequency: 100,
  commonKeyWindow: 5,
  titleWeight: 0.15,
};

/** Pseudo-documents added to the corpus size so IDF stays sane on tiny corpora (a pair of articles). */
const IDF_PRIOR = 50;
/** Entities and figures name the event; they count more than ordinary words. */
const ENTITY_BOOST = 1.5;
const FIGURE_BOOST = 1.5;

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

/** A sparse vector over interned feature ids: id → weight, in the order the ids were added. */
type IdVector = Map<number, number>;

interface Profile {
  index: number;
  id: string;
  language: string;
  title: string;
  /**
   * The L2-normalized TF-IDF vector over interned (language-scoped) feature ids: positions
   * `start` to `end` (exclusive) of the corpus's shared `ids` and `weights` arrays, in the order the
   * features were first seen. One pair of arrays for the whole corpus, not one per article, keeps
   * the garbage collector out of a rebuild.
   */
  start: number;
  end: number;
  /** The title's bigrams, counted the first time the title is compared. */
  headline?: HeadlineBigrams;
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
  boost: number[];
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

  const candidates = candidatePairs(corpus, opts);
  const dot = createDot(corpus);
  const edges: Edge[] = [];
  for (let k = 0; k < candidates.length; k += 2) {
    const a = candidates[k] as number;
    const b = candidates[k + 1] as number;
    const left = profiles[a];
    const right = profiles[b];
    if (left === undefined || right === undefined || left.language !== right.language) continue;
    const score = pairScore(left, right, dot(left, right), opts.titleWeight, opts.threshold);
    if (score >= opts.threshold) edges.push({ a, b, score });
  }

  const clusters = groupEdges(corpus, edges, opts.linkThreshold, dot);
  const n = articles.length;
  return {
    clusters,
    stats: { articles: n, candidatePairs: candidates.length / 2, allPairs: n < 2 ? 0 : (n * (n - 1)) / 2 },
  };
}

/**
 * Similarity (0–1) of two articles as the clusterer scores it: TF-IDF cosine blended with
 * headline similarity. Exposed for calibration and tests; IDF comes from the pair alone plus a prior,
 * so corpus-level scores are a little different.
 */
export function articleSimilarity(a: SegmentedArticle, b: SegmentedArticle, options: ClusterOptions = {}): number {
  const opts = checkOptions(options);
  const { corpus } = buildProfiles([a, b], undefined, false);
  const [left, right] = corpus.profiles as [Profile, Profile];
  return pairScore(left, right, createDot(corpus)(left, right), opts.titleWeight, 0);
}

/**
 * Counts the features of one article (headline and text): what `clusterStories` caches per article.
 * A pure function of the article's file, like normalization, so it can be reused while the file is unchanged.
 */
export function clusterFeatures(article: SegmentedArticle): ClusterFeatures {
  const text = `${headline(article)}\n${article.text}`;
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
  assertInRange(stage, 'linkThreshold', opts.linkThreshold, 0, 1);
  assertInRange(stage, 'signatureSize', opts.signatureSize, 1, 500);
  assertInRange(stage, 'minSharedKeys', opts.minSharedKeys, 1, 50);
  assertInRange(stage, 'maxKeyFrequency', opts.maxKeyFrequency, 2, 100_000);
  assertInRange(stage, 'commonKeyWindow', opts.commonKeyWindow, 0, 1000);
  assertInRange(stage, 'titleWeight', opts.titleWeight, 0, 1);
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
      ? { idOf: new Map(), keyOf: [], boost: [], df: [] }
      : {
          idOf: previous.idOf,
          keyOf: previous.vocabulary,
          boost: previous.vocabulary.map((entry) => boostOf(entry, entry.indexOf(' ') + 1)),
          df: new Array<number>(previous.vocabulary.length).fill(0),
        };
  const intern = function intern(key: string, boost: number): number {
    let id = table.idOf.get(key);
    if (id === undefined) {
      id = table.keyOf.length;
      table.idOf.set(key, id);
      table.keyOf.push(key);
      table.boost.push(boost);
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
        features[at] = intern(`${language} ${key}`, boostOf(key, 0));
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

  const n = articles.length + IDF_PRIOR;
  const idf = table.df.map((freq) => Math.log(n / freq));
  const vectorIds = new Int32Array(features.length);
  const weights = new Float64Array(features.length);
  let size = 0;
  const profiles = articles.map(function weighArticle(article, index): Profile {
    const start = size;
    const to = starts[index + 1] as number;
    for (let i = starts[index] as number; i < to; i += 1) {
      const id = features[i] as number;
      const count = counts[i] as number;
      const weight = (LOG_COUNT[count] ?? 1 + Math.log(count)) * (idf[id] as number) * (table.boost[id] as number);
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
    return { index, id: article.id, language: article.meta.language, title: headline(article), start, end: size };
  });
  const corpus = { profiles, table, ids: vectorIds, weights };
  if (!keep) return { corpus };
  return { corpus, snapshot: unchanged ? saved : encodeSnapshot(articles, table.keyOf, features, counts, starts) };
}

/** The weight factor of a feature key starting at `at` of `text`: entities and figures count more. */
function boostOf(text: string, at: number): number {
  const first = text.charCodeAt(at);
  return first === 64 /* @ */ ? ENTITY_BOOST : first === 35 /* # */ ? FIGURE_BOOST : 1;
}

/**
 * A dot product of two profiles' unit vectors (their cosine) that gives exactly what iterating the
 * smaller vector in its order and looking each feature up in the larger one gives, with the lookup
 * side spread into a dense array. The right-hand profile stays spread between calls: candidate pairs
 * come grouped by their second article, so each is spread once.
 */
function createDot(corpus: Corpus): (a: Profile, b: Profile) => number {
  const { ids, weights } = corpus;
  const right = new Float64Array(corpus.table.keyOf.length);
  const left = new Float64Array(corpus.table.keyOf.length);
  let spread: Profile | undefined;
  return function contentCosine(a, b) {
    if (spread !== b) {
      if (spread !== undefined) for (let i = spread.start; i < spread.end; i += 1) right[ids[i] as number] = 0;
      for (let i = b.start; i < b.end; i += 1) right[ids[i] as number] = weights[i] as number;
      spread = b;
    }
    // Weights are positive, so 0 in the dense array means the feature is absent.
    let sum = 0;
    if (a.end - a.start <= b.end - b.start) {
      for (let i = a.start; i < a.end; i += 1) {
        const other = right[ids[i] as number] as number;
        if (other !== 0) sum += (weights[i] as number) * other;
      }
      return sum;
    }
    for (let i = a.start; i < a.end; i += 1) left[ids[i] as number] = weights[i] as number;
    for (let i = b.start; i < b.end; i += 1) {
      const other = left[ids[i] as number] as number;
      if (other !== 0) sum += (weights[i] as number) * other;
    }
    for (let i = a.start; i < a.end; i += 1) left[ids[i] as number] = 0;
    return sum;
  };
}

/** Dot product of two sparse vectors (iterates the smaller one, in its insertion order); the cosine of unit vectors. */
function dotMaps(a: IdVector, b: IdVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  small.forEach((weight, id) => {
    const other = large.get(id);
    if (other !== undefined) sum += weight * other;
  });
  return sum;
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

/**
 * Content cosine blended with headline similarity. Headlines are compared only when they could lift
 * the pair over `threshold`: most candidates are far below it, and comparing titles is the costlier half.
 */
function pairScore(a: Profile, b: Profile, content: number, titleWeight: number, threshold: number): number {
  if (a.title === '' || b.title === '') return content;
  if ((1 - titleWeight) * content + titleWeight < threshold) return (1 - titleWeight) * content;
  a.headline ??= headlineBigrams(a.title);
  b.headline ??= headlineBigrams(b.title);
  const title = headlineDice(a.headline, b.headline);
  return (1 - titleWeight) * content + titleWeight * title;
}

interface Edge {
  a: number;
  b: number;
  score: number;
}

/**
 * Union-find over the edges, strongest first. Each group keeps the sum of its members' unit vectors;
 * two groups merge only when those centroids agree, so a single bridging pair is not enough.
 */
function groupEdges(corpus: Corpus, edges: Edge[], linkThreshold: number, dot: (a: Profile, b: Profile) => number): StoryCluster[] {
  const { profiles, ids, weights } = corpus;
  const parent = profiles.map((_, i) => i);
  // A group's centroid as a Map in feature order, made only when the group first absorbs another:
  // until then it is its one member's vector, read in place from the shared arrays.
  const merged: (IdVector | undefined)[] = [];
  const sizeOf = (i: number): number => merged[i]?.size ?? (profiles[i] as Profile).end - (profiles[i] as Profile).start;
  const spread = new Float64Array(corpus.table.keyOf.length);
  /** The dot product of two groups' centroids, summed exactly as `dotMaps` of their Maps would. */
  const centroidDot = function centroidDot(x: number, y: number): number {
    const mx = merged[x];
    const my = merged[y];
    if (mx === undefined && my === undefined) return dot(profiles[x] as Profile, profiles[y] as Profile);
    if (mx !== undefined && my !== undefined) return dotMaps(mx, my);
    const [small, large] = sizeOf(x) <= sizeOf(y) ? [x, y] : [y, x];
    const smallMap = merged[small];
    let sum = 0;
    if (smallMap === undefined) {
      const profile = profiles[small] as Profile;
      const largeMap = merged[large] as IdVector;
      for (let k = profile.start; k < profile.end; k += 1) {
        const other = largeMap.get(ids[k] as number);
        if (other !== undefined) sum += (weights[k] as number) * other;
      }
      return sum;
    }
    const profile = profiles[large] as Profile;
    for (let k = profile.start; k < profile.end; k += 1) spread[ids[k] as number] = weights[k] as number;
    // Member weights are positive, so 0 means the feature is absent.
    smallMap.forEach((weight, id) => {
      const other = spread[id] as number;
      if (other !== 0) sum += weight * other;
    });
    for (let k = profile.start; k < profile.end; k += 1) spread[ids[k] as number] = 0;
    return sum;
  };
  // Each group's centroid length, kept up to date on merge so the check costs one pass over the smaller centroid.
  const length: number[] = profiles.map((p) => (p.end > p.start ? 1 : 0));
  const find = function find(i: number): number {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };

  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (let e = 0; e < edges.length; e += 1) {
    const edge = edges[e] as Edge;
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    const la = length[ra] as number;
    const lb = length[rb] as number;
    const shared = centroidDot(ra, rb);
    if (la === 0 || lb === 0 || shared / (la * lb) < linkThreshold) continue;
    const [keep, drop] = sizeOf(ra) >= sizeOf(rb) ? [ra, rb] : [rb, ra];
    let into = merged[keep];
    if (into === undefined) {
      const profile = profiles[keep] as Profile;
      into = new Map();
      for (let k = profile.start; k < profile.end; k += 1) into.set(ids[k] as number, weights[k] as number);
      merged[keep] = into;
    }
    const from = merged[drop];
    if (from !== undefined) {
      const target = into;
      from.forEach((weight, id) => target.set(id, (target.get(id) ?? 0) + weight));
    } else {
      const profile = profiles[drop] as Profile;
      for (let k = profile.start; k < profile.end; k += 1) into.set(ids[k] as number, (into.get(ids[k] as number) ?? 0) + (weights[k] as number));
    }
    // |a + b|² = |a|² + |b|² + 2 a·b
    length[keep] = Math.sqrt(la * la + lb * lb + 2 * shared);
    merged[drop] = undefined;
    parent[drop] = keep;
  }

  const groups = new Map<number, string[]>();
  for (let p = 0; p < profiles.length; p += 1) {
    const profile = profiles[p] as Profile;
    const root = find(profile.index);
    const group = groups.get(root) ?? [];
    group.push(profile.id);
    groups.set(root, group);
  }
  // Profiles are in id order, so each group is already sorted.
  return [...groups.values()].map((articleIds) => ({ articleIds })).sort((x, y) => compareIds(x.articleIds[0] ?? '', y.articleIds[0] ?? ''));
}
