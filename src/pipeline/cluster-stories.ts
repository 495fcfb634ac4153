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
 */
import stringSimilarity from 'string-similarity';
import { assertInRange } from '../errors.ts';
import type { ClusterStats, SegmentedArticle, StoryCluster } from '../types.ts';
import { dot, scaleToUnit, type SparseVector } from './sparse-vector.ts';
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

interface Profile {
  index: number;
  id: string;
  language: string;
  title: string;
  /** Raw feature counts before weighting. */
  counts: Map<string, number>;
  /** L2-normalized TF-IDF vector. */
  vector: SparseVector;
}

/**
 * Groups `articles` into stories. Returns the clusters (article ids sorted; clusters sorted by
 * their first id) and unit-free cost figures: `candidatePairs` scored versus `allPairs`.
 */
export function clusterStories(
  articles: SegmentedArticle[],
  options: ClusterOptions = {},
): { clusters: StoryCluster[]; stats: ClusterStats } {
  const opts = checkOptions(options);
  const ordered = [...articles].sort((a, b) => compareIds(a.id, b.id));
  const profiles = ordered.map((article, index) => rawProfile(article, index));
  const documentFrequency = countDocumentFrequency(profiles);
  weigh(profiles, documentFrequency);

  const candidates = candidatePairs(profiles, documentFrequency, opts);
  const edges: Edge[] = [];
  for (const [a, b] of candidates) {
    const left = profiles[a];
    const right = profiles[b];
    if (left === undefined || right === undefined || left.language !== right.language) continue;
    const score = pairScore(left, right, opts.titleWeight, opts.threshold);
    if (score >= opts.threshold) edges.push({ a, b, score });
  }

  const clusters = groupEdges(profiles, edges, opts.linkThreshold);
  const n = articles.length;
  return {
    clusters,
    stats: { articles: n, candidatePairs: candidates.length, allPairs: n < 2 ? 0 : (n * (n - 1)) / 2 },
  };
}

/**
 * Similarity (0–1) of two articles as the clusterer scores it: TF-IDF cosine blended with
 * headline similarity. Exposed for calibration and tests; IDF comes from the pair alone plus a prior,
 * so corpus-level scores are a little different.
 */
export function articleSimilarity(a: SegmentedArticle, b: SegmentedArticle, options: ClusterOptions = {}): number {
  const opts = checkOptions(options);
  const profiles = [rawProfile(a, 0), rawProfile(b, 1)];
  weigh(profiles, countDocumentFrequency(profiles));
  const [left, right] = profiles as [Profile, Profile];
  return pairScore(left, right, opts.titleWeight, 0);
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

/** Features of one article: stemmed terms, `@entity` and `#figure` keys, counted. */
function rawProfile(article: SegmentedArticle, index: number): Profile {
  const title = article.meta.title === 'unknown' ? '' : article.meta.title;
  const text = `${title}\n${article.text}`;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const term of contentTerms(text)) add(term);
  for (const entity of entities(text)) add(`@${entity}`);
  for (const figure of figures(text)) add(`#${figure.unit}${Number(figure.value.toPrecision(4))}`);
  return { index, id: article.id, language: article.meta.language, title, counts, vector: new Map() };
}

/** Document frequency per language: a term shared across languages says nothing about one story. */
function countDocumentFrequency(profiles: Profile[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const profile of profiles) {
    for (const key of profile.counts.keys()) {
      const scoped = `${profile.language}\u0000${key}`;
      df.set(scoped, (df.get(scoped) ?? 0) + 1);
    }
  }
  return df;
}

function weigh(profiles: Profile[], df: Map<string, number>): void {
  const n = profiles.length + IDF_PRIOR;
  for (const profile of profiles) {
    for (const [key, count] of profile.counts) {
      const freq = df.get(`${profile.language}\u0000${key}`) ?? 1;
      const boost = key.startsWith('@') ? ENTITY_BOOST : key.startsWith('#') ? FIGURE_BOOST : 1;
      const weight = (1 + Math.log(count)) * Math.log(n / freq) * boost;
      if (weight > 0) profile.vector.set(key, weight);
    }
    scaleToUnit(profile.vector);
  }
}

/**
 * Pairs (lower index first) that share at least `minSharedKeys` signature keys. A key held by more than
 * `maxKeyFrequency` articles only counts for the last `commonKeyWindow` holders before the article, so
 * each article has at most signatureSize × maxKeyFrequency partners to count.
 */
function candidatePairs(profiles: Profile[], df: Map<string, number>, opts: Required<ClusterOptions>): [number, number][] {
  const postings = new Map<string, number[]>();
  const shared = new Map<number, number>();
  const pairs: [number, number][] = [];
  for (const profile of profiles) {
    shared.clear();
    for (const key of signature(profile, df, opts.signatureSize)) {
      const scoped = `${profile.language}\u0000${key}`;
      let posting = postings.get(scoped);
      if (posting === undefined) {
        posting = [];
        postings.set(scoped, posting);
      }
      const common = (df.get(scoped) ?? 0) > opts.maxKeyFrequency;
      const from = common ? Math.max(0, posting.length - opts.commonKeyWindow) : 0;
      for (let i = from; i < posting.length; i += 1) {
        const other = posting[i] as number;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      posting.push(profile.index);
    }
    const partners = [...shared].filter(([, count]) => count >= opts.minSharedKeys).map(([other]) => other);
    partners.sort((a, b) => a - b);
    for (const other of partners) pairs.push([other, profile.index]);
  }
  return pairs;
}

/** An article's most distinctive features that another article could share (document frequency ≥ 2). */
function signature(profile: Profile, df: Map<string, number>, size: number): string[] {
  const keys = [...profile.vector].filter(([key]) => (df.get(`${profile.language}\u0000${key}`) ?? 0) >= 2);
  keys.sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
  return keys.slice(0, size).map(([key]) => key);
}

/**
 * Content cosine blended with headline similarity. Headlines are compared only when they could lift
 * the pair over `threshold`: most candidates are far below it, and comparing titles is the costlier half.
 */
function pairScore(a: Profile, b: Profile, titleWeight: number, threshold: number): number {
  const content = dot(a.vector, b.vector);
  if (a.title === '' || b.title === '') return content;
  if ((1 - titleWeight) * content + titleWeight < threshold) return (1 - titleWeight) * content;
  const title = stringSimilarity.compareTwoStrings(a.title, b.title);
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
function groupEdges(profiles: Profile[], edges: Edge[], linkThreshold: number): StoryCluster[] {
  const parent = profiles.map((_, i) => i);
  const centroid: SparseVector[] = profiles.map((p) => new Map(p.vector));
  // Each group's centroid length, kept up to date on merge so the check costs one pass over the smaller centroid.
  const length: number[] = profiles.map((p) => (p.vector.size > 0 ? 1 : 0));
  const find = (i: number): number => {
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
  for (const edge of edges) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    const ca = centroid[ra] as SparseVector;
    const cb = centroid[rb] as SparseVector;
    const la = length[ra] as number;
    const lb = length[rb] as number;
    const shared = dot(ca, cb);
    if (la === 0 || lb === 0 || shared / (la * lb) < linkThreshold) continue;
    const [keep, drop] = ca.size >= cb.size ? [ra, rb] : [rb, ra];
    const into = centroid[keep] as SparseVector;
    for (const [key, weight] of centroid[drop] as SparseVector) into.set(key, (into.get(key) ?? 0) + weight);
    // |a + b|² = |a|² + |b|² + 2 a·b
    length[keep] = Math.sqrt(la * la + lb * lb + 2 * shared);
    centroid[drop] = new Map();
    parent[drop] = keep;
  }

  const groups = new Map<number, string[]>();
  for (const profile of profiles) {
    const root = find(profile.index);
    const group = groups.get(root) ?? [];
    group.push(profile.id);
    groups.set(root, group);
  }
  // Profiles are in id order, so each group is already sorted.
  return [...groups.values()].map((articleIds) => ({ articleIds })).sort((x, y) => compareIds(x.articleIds[0] ?? '', y.articleIds[0] ?? ''));
}
