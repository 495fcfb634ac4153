/**
 * Candidate generation for the align stage: which sentence pairs of a story are worth scoring.
 *
 * Scoring every pair costs the square of the story's sentence count (a 400 KB article has about
 * 2,500 sentences, three million pairs). Two sentences that state one fact share distinctive
 * words, figures or names, so an inverted index over those finds them: identical sentences are
 * collapsed first (one copy is scored for all), a term held by more sentences than a cap that
 * does not grow with the article is not looked up (it cannot tell two facts apart), and only pairs
 * sharing enough distinctive tokens are returned. The cost is then about the cap times the
 * number of tokens: near-linear in the story's length.
 */
import type { SentenceFeatures } from './claim-features.ts';

/** Sentences with the same words (case and spacing aside) are one sentence for scoring. */
export interface IdenticalSentences {
  /** For each sentence, the index of the first sentence with the same text (itself when first). */
  representative: number[];
  /** The indices that are their own representative, ascending. */
  representatives: number[];
  /** Representative → every index with that text, ascending (the representative first). */
  copies: Map<number, number[]>;
}

/** Collapses sentences whose text is the same after folding case and spacing. */
export function collapseIdentical(features: SentenceFeatures[]): IdenticalSentences {
  const firstByText = new Map<string, number>();
  const representative: number[] = [];
  const copies = new Map<number, number[]>();
  features.forEach((f, index) => {
    const key = f.text.toLowerCase().replace(/\s+/gu, ' ').trim();
    const first = firstByText.get(key);
    if (first === undefined) {
      firstByText.set(key, index);
      representative.push(index);
      copies.set(index, [index]);
    } else {
      representative.push(first);
      copies.get(first)?.push(index);
    }
  });
  return { representative, representatives: [...copies.keys()].sort((a, b) => a - b), copies };
}

/** Tuning of `candidatePairs`. */
export interface CandidateOptions {
  /**
   * A token held by more sentences than this is not looked up. The default is
   * `max(8, min(25% of the sentences, max(40, 3 × sources)))`: in a short story a quarter of it
   * (the subject's name), in a long one a fixed number, raised with the number of sources because
   * a fact every source states is held by one sentence per source.
   */
  commonLimit?: number;
  /** Distinctive tokens a pair must share; 1 for sentences that have fewer than three. Default 2. */
  minShared?: number;
}

/** Figures, like words, are evidence of one fact; their key keeps "$2.4 billion" and "$2.4bn" one token. */
function tokensOf(f: SentenceFeatures): string[] {
  return [...f.terms, ...f.figures.map((figure) => `#${figure.unit}${figure.value}`)];
}

/**
 * Pairs `[i, j]` (i < j, indices into `features`, representatives only) that share enough
 * distinctive tokens to be scored, sorted. `sources` is the number of articles in the story.
 */
export function candidatePairs(features: SentenceFeatures[], indices: number[], sources: number, options: CandidateOptions = {}): [number, number][] {
  const n = indices.length;
  const limit = options.commonLimit ?? Math.max(8, Math.min(Math.ceil(n * 0.25), Math.max(40, 3 * sources)));
  const minShared = options.minShared ?? 2;
  const tokens = new Map<number, string[]>();
  const postings = new Map<string, number[]>();
  for (const index of indices) {
    const own = [...new Set(tokensOf(features[index] as SentenceFeatures))];
    tokens.set(index, own);
    for (const token of own) {
      const list = postings.get(token);
      if (list === undefined) postings.set(token, [index]);
      else list.push(index);
    }
  }
  const distinctive = (token: string): boolean => (postings.get(token)?.length ?? 0) <= limit;
  const distinctiveCount = new Map<number, number>();
  for (const index of indices) distinctiveCount.set(index, (tokens.get(index) ?? []).filter(distinctive).length);

  const pairs: [number, number][] = [];
  const shared = new Map<number, number>();
  const rank = new Map(indices.map((index, position) => [index, position]));
  for (const i of indices) {
    shared.clear();
    const own = tokens.get(i) ?? [];
    for (const token of own) {
      const list = postings.get(token) ?? [];
      if (list.length > limit) continue;
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    // A sentence whose every word is common (a fact the story repeats many times) is still
    // compared, through its rarest tokens, with the sentences just before it that hold them:
    // a fixed number per token, so the cost stays linear.
    const ownDistinctive = distinctiveCount.get(i) ?? 0;
    if (ownDistinctive < minShared) {
      const rarest = own
        .filter((token) => !distinctive(token))
        .sort((x, y) => (postings.get(x)?.length ?? 0) - (postings.get(y)?.length ?? 0) || x.localeCompare(y))
        .slice(0, minShared - ownDistinctive);
      for (const token of rarest) {
        const list = postings.get(token) ?? [];
        const at = lowerBound(list, i);
        for (let k = Math.max(0, at - limit); k < at; k += 1) {
          const j = list[k] as number;
          if ((rank.get(j) ?? 0) < (rank.get(i) ?? 0)) shared.set(j, (shared.get(j) ?? 0) + 1);
        }
      }
    }
    for (const [j, count] of shared) {
      // A sentence with one or two distinctive words can share no more than that.
      const needed = ownDistinctive < 3 || (distinctiveCount.get(j) ?? 0) < 3 ? 1 : minShared;
      if (count >= needed) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  const unique = new Map(pairs.map((p) => [`${p[0]},${p[1]}`, p]));
  return [...unique.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** First position in the ascending `list` whose value is not below `value`. */
function lowerBound(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
