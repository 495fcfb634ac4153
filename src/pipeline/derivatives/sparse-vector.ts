/**
 * Sparse feature vectors (feature → weight) and the two operations the similarity stages share:
 * scaling to unit length and the dot product, which for unit vectors is their cosine. Story
 * clustering compares articles with them, rewrite detection compares sentences.
 */

/** A sparse feature vector: feature → weight; a missing feature weighs 0. */
export type SparseVector = Map<string, number>;

/** Scales `vector` in place to unit (L2) length, so a dot product is a cosine; an all-zero vector is left as it is. */
export function scaleToUnit(vector: SparseVector): void {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, weight] of vector) vector.set(key, weight / norm);
}

/** Dot product of two sparse vectors (iterates the smaller one); the cosine when both are unit length. */
export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, weight] of small) {
    const other = large.get(key);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}
