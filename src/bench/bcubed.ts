/**
 * BCubed precision, recall and F1 of a clustering against a known grouping: the clusterer's
 * quality figure in the benchmark and the scale test. Per item, precision is the share of its
 * predicted cluster that truly belongs with it, recall the share of its true group that the
 * predicted cluster holds; both are averaged over items.
 */

/** BCubed scores, each from 0 to 1. */
export interface BCubedScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores `clusters` (lists of item ids) against `truth` (item id → true group id). Every item in
 * `truth` must appear in exactly one cluster; an id missing from `truth` or listed twice is a bug in
 * the caller, so it throws.
 */
export function bcubed(clusters: readonly (readonly string[])[], truth: Readonly<Record<string, string>>): BCubedScores {
  const predicted = new Map<string, number>();
  clusters.forEach((cluster, index) => {
    for (const id of cluster) {
      if (!(id in truth)) throw new Error(`bcubed: item \`${id}\` has no true group`);
      if (predicted.has(id)) throw new Error(`bcubed: item \`${id}\` is in more than one cluster`);
      predicted.set(id, index);
    }
  });
  const ids = Object.keys(truth);
  if (ids.length === 0) return { precision: 1, recall: 1, f1: 1 };
  for (const id of ids) if (!predicted.has(id)) throw new Error(`bcubed: item \`${id}\` is in no cluster`);

  // Sizes of each (predicted, true) overlap, of each predicted cluster, and of each true group.
  const overlap = new Map<string, number>();
  const clusterSize = new Map<number, number>();
  const groupSize = new Map<string, number>();
  for (const id of ids) {
    const c = predicted.get(id) as number;
    const g = truth[id] as string;
    const key = `${c}\u0000${g}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of ids) {
    const c = predicted.get(id) as number;
    const g = truth[id] as string;
    const shared = overlap.get(`${c}\u0000${g}`) as number;
    precision += shared / (clusterSize.get(c) as number);
    recall += shared / (groupSize.get(g) as number);
  }
  precision /= ids.length;
  recall /= ids.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
