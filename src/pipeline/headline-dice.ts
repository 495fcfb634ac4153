/**
 * Headline similarity for the clusterer: string-similarity's `compareTwoStrings` (character-bigram
 * Dice coefficient), split in two so each headline's bigrams are counted once per build instead of
 * once per pair it is compared in. The numbers are exactly those of `compareTwoStrings`: the same
 * whitespace removal, the same UTF-16 bigrams, the same multiset intersection and the same final
 * expression (tests/unit/headline-dice.test.ts checks that on many pairs).
 */

/** One headline, prepared for comparison. */
export interface HeadlineBigrams {
  /** The headline with every whitespace character removed (what `compareTwoStrings` compares). */
  readonly squeezed: string;
  /**
   * How often each two-code-unit substring of `squeezed` occurs, keyed by the pair as one number
   * (first unit × 65536 + second), which names a bigram as exactly as the substring does.
   */
  readonly counts: ReadonlyMap<number, number>;
}

/** Counts the bigrams of `text` once, for any number of `headlineDice` calls. */
export function headlineBigrams(text: string): HeadlineBigrams {
  const squeezed = text.replace(/\s+/g, '');
  const counts = new Map<number, number>();
  for (let i = 0; i < squeezed.length - 1; i += 1) {
    const bigram = squeezed.charCodeAt(i) * 65536 + squeezed.charCodeAt(i + 1);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return { squeezed, counts };
}

/**
 * The Dice coefficient (0–1) of two prepared headlines: twice the shared bigrams (as multisets)
 * over the bigrams of both; 1 for equal texts (also two empty ones), 0 when either is shorter than
 * two characters. Equal to `compareTwoStrings(a, b)` of the original texts.
 */
export function headlineDice(a: HeadlineBigrams, b: HeadlineBigrams): number {
  if (a.squeezed === b.squeezed) return 1;
  if (a.squeezed.length < 2 || b.squeezed.length < 2) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [bigram, count] of small) {
    const other = large.get(bigram);
    if (other !== undefined) shared += count < other ? count : other;
  }
  return (2.0 * shared) / (a.squeezed.length + b.squeezed.length - 2);
}
