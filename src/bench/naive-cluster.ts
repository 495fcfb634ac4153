/**
 * The all-pairs clusterer the benchmark measures ours against: what one would write first.
 *
 * Every pair of articles is compared with string-similarity's `compareTwoStrings` (character-bigram
 * Dice) on the whole normalized texts, and pairs at or above `threshold` are joined with union-find.
 * Quadratic by construction; it exists only to be timed and scored, never to build a site.
 */
import stringSimilarity from 'string-similarity';
import { assertInRange } from '../errors.ts';
import type { ClusterStats, SegmentedArticle, StoryCluster } from '../types.ts';

/** Options of `naiveCluster`. */
export interface NaiveClusterOptions {
  /**
   * Minimum whole-text Dice similarity (0–1) for two articles to share a story. Default 0.7: the
   * baseline's best BCubed F1 (0.67) in a sweep from 0.5 to 0.8 on a 250-article corpus of seed 99,
   * a seed the benchmark does not use by default, so the baseline is measured at its best.
   */
  threshold?: number;
}

/**
 * Clusters `articles` by comparing every pair. Returns the clusters (ids sorted, clusters sorted by
 * first id) in the same shape as `clusterStories`, with `candidatePairs` equal to `allPairs`.
 */
export function naiveCluster(
  articles: readonly SegmentedArticle[],
  options: NaiveClusterOptions = {},
): { clusters: StoryCluster[]; stats: ClusterStats } {
  const threshold = options.threshold ?? 0.7;
  assertInRange('naive-cluster', 'threshold', threshold, 0, 1);
  const n = articles.length;
  const parent = articles.map((_article, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    // Path compression keeps later finds flat.
    for (let node = i; parent[node] !== root; ) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };

  let compared = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      compared += 1;
      const a = articles[i];
      const b = articles[j];
      if (a === undefined || b === undefined) continue;
      if (stringSimilarity.compareTwoStrings(a.text, b.text) >= threshold) {
        const ra = find(i);
        const rb = find(j);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }

  const groups = new Map<number, string[]>();
  articles.forEach((article, i) => {
    const root = find(i);
    const ids = groups.get(root) ?? [];
    ids.push(article.id);
    groups.set(root, ids);
  });
  const clusters = [...groups.values()]
    .map((ids) => ({ articleIds: ids.sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.articleIds[0] ?? '', b.articleIds[0] ?? ''));
  return { clusters, stats: { articles: n, candidatePairs: compared, allPairs: (n * (n - 1)) / 2 } };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
