/**
 * Headline similarity for the clusterer (and the character part of the align stage's sentence
 * score): string-similarity's `compareTwoStrings` (character-bigram Dice coefficient), split in
 * two so each text's bigrams are counted once instead of once per pair it is compared in. The numbers are exactly those of `compareTwoStrings`: the same
 * whitespace removal, the same UTF-16 bigrams, the same multiset intersection and the same final
 * expression (tests/unit/headline-dice.test.ts checks that on many pairs).
 */

/** One headline, prepared for comparison. */
export interface HeadlineBigrams {
  /** The headline with every whitespace character removed (what `compareTwoStrings` compares). */
  readonly squeezed: string;
  /**
   * The distinct two-code-unit substrings of `squeezed`, each as one number (first unit × 65536 +
   * second, which names a bigram as exactly as the substring does), in ascending order.
   */
  readonly bigrams: Uint32Array;
  /** `counts[i]` is how often `bigrams[i]` occurs. */
  readonly counts: Uint32Array;
}

/**
 * Where the bigrams of the text being counted are sorted; grown when a text needs more. One
 * buffer for every call: the clusterer and the aligner count thousands of short texts, and
 * allocating typed arrays cost more than counting their bigrams.
 */
let scratch = new Uint32Array(256);

/** Counts the bigrams of `text` once, for any number of `headlineDice` calls. */
export function headlineBigrams(text: string): HeadlineBigrams {
  const squeezed = text.replace(/\s+/g, '');
  const length = Math.max(0, squeezed.length - 1);
  if (scratch.length < length) scratch = new Uint32Array(Math.max(length, 2 * scratch.length));
  const all = scratch.subarray(0, length);
  for (let i = 0; i < length; i += 1) all[i] = squeezed.charCodeAt(i) * 65536 + squeezed.charCodeAt(i + 1);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < length; i += 1) if (i === 0 || all[i] !== all[i - 1]) distinct += 1;
  // One buffer for both lists: the distinct bigrams, then their counts.
  const both = new Uint32Array(2 * distinct);
  const bigrams = both.subarray(0, distinct);
  const counts = both.subarray(distinct);
  let size = 0;
  for (let i = 0; i < length; i += 1) {
    if (size > 0 && bigrams[size - 1] === all[i]) counts[size - 1] = (counts[size - 1] as number) + 1;
    else {
      bigrams[size] = all[i] as number;
      counts[size] = 1;
      size += 1;
    }
  }
  return { squeezed, bigrams, counts };
}

/**
 * The Dice coefficient (0–1) of two prepared headlines: twice the shared bigrams (as multisets)
 * over the bigrams of both; 1 for equal texts (also two empty ones), 0 when either is shorter than
 * two characters. Equal to `compareTwoStrings(a, b)` of the original texts.
 */
export function headlineDice(a: HeadlineBigrams, b: HeadlineBigrams): number {
  if (a.squeezed === b.squeezed) return 1;
  if (a.squeezed.length < 2 || b.squeezed.length < 2) return 0;
  // Both lists are sorted: walk them side by side, counting each shared bigram as often as both have it.
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.bigrams.length && j < b.bigrams.length) {
    const x = a.bigrams[i] as number;
    const y = b.bigrams[j] as number;
    if (x < y) i += 1;
    else if (y < x) j += 1;
    else {
      shared += Math.min(a.counts[i] as number, b.counts[j] as number);
      i += 1;
      j += 1;
    }
  }
  return (2.0 * shared) / (a.squeezed.length + b.squeezed.length - 2);
}
