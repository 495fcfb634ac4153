/**
 * Pairwise similarity of whole articles, for the method page's matrix: TF-IDF cosine over the
 * shared stemmed content terms of `text-features.ts`. Illustrative, not the clusterer: it shows a
 * reader why the articles of one story sit together. Quadratic, so only for the handful of
 * sources a site shows on one page.
 */
import { contentTerms } from './text-features.ts';

/** One document to compare: an id and its text. */
export interface MatrixDocument {
  id: string;
  text: string;
}

/** The matrix: `ids[i]` labels row and column i; `values[i][j]` is in [0, 1], 1 on the diagonal. */
export interface SimilarityMatrix {
  ids: string[];
  values: number[][];
}

/** Returns the symmetric TF-IDF cosine similarity matrix of `documents`, in the order given. */
export function similarityMatrix(documents: MatrixDocument[]): SimilarityMatrix {
  const counts = documents.map((doc) => termCounts(contentTerms(doc.text)));
  const documentFrequency = new Map<string, number>();
  for (const count of counts) for (const term of count.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = documents.length;
  // Smoothed IDF keeps terms shared by every document slightly above zero, so two texts that only
  // share common terms still score above two texts with nothing in common.
  const vectors = counts.map((count) => {
    const vector = new Map<string, number>();
    for (const [term, tf] of count) vector.set(term, tf * (Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1));
    return vector;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0)));
  const values = vectors.map((a, i) =>
    vectors.map((b, j) => {
      if (i === j) return 1;
      const denominator = (norms[i] ?? 0) * (norms[j] ?? 0);
      if (denominator === 0) return 0;
      let dot = 0;
      for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
      return Math.min(1, dot / denominator);
    }),
  );
  return { ids: documents.map((doc) => doc.id), values };
}

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
