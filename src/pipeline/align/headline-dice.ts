/**
 * Short-text similarity for the character part of the align stage's sentence score (the name is
 * from when the clusterer compared headlines with it too): string-similarity's `compareTwoStrings` (character-bigram Dice coefficient), split in
 * two so each text's bigrams are counted once instead of once per pair it is compared in. The numbers are exactly those of `compareTwoStrings`: the same
 * whitespace removal, the same UTF-16 bigrams, the same multiset intersection and the same final
 * expression (tests/unit/headline-dice.test.ts checks that on many pairs).
 */

/** One headline, prepared for comparison. */
export interface HeadlineBigrams {
  /** How many UTF-16 code units the text has once its whitespace is removed (what `compareTwoStrings` compares). */
  readonly length: number;
  /** That text itself when it is shorter than one bigram (two code units), else undefined. */
  readonly short: string | undefined;
  /**
   * The distinct two-code-unit substrings of that text, each as one number (first unit × 65536 +
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

/**
 * Whether a UTF-16 code unit is what `\s` matches in a JavaScript regular expression (the
 * whitespace `compareTwoStrings` removes); tests/unit/headline-dice.test.ts checks every unit.
 */
function isWhitespace(unit: number): boolean {
  if (unit <= 0xff) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) || unit === 0xa0;
  return unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** Counts the bigrams of `text` once, for any number of `headlineDice` calls. */
export function headlineBigrams(text: string): HeadlineBigrams {
  if (scratch.length < text.length) scratch = new Uint32Array(Math.max(text.length, 2 * scratch.length));
  // The text's bigrams with its whitespace skipped, as `text.replace(/\s+/g, '')` would leave them.
  let length = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (isWhitespace(unit)) continue;
    if (length > 0) scratch[length - 1] = previous * 65536 + unit;
    previous = unit;
    length += 1;
  }
  const all = scratch.subarray(0, Math.max(0, length - 1));
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) distinct += 1;
  // One buffer for both lists: the distinct bigrams, then their counts.
  const both = new Uint32Array(2 * distinct);
  const bigrams = both.subarray(0, distinct);
  const counts = both.subarray(distinct);
  let size = 0;
  for (let i = 0; i < all.length; i += 1) {
    if (size > 0 && bigrams[size - 1] === all[i]) counts[size - 1] = (counts[size - 1] as number) + 1;
    else {
      bigrams[size] = all[i] as number;
      counts[size] = 1;
      size += 1;
    }
  }
  const short = length === 0 ? '' : length === 1 ? String.fromCharCode(previous) : undefined;
  return { length, short, bigrams, counts };
}

/**
 * The Dice coefficient (0–1) of two prepared headlines: twice the shared bigrams (as multisets)
 * over the bigrams of both; 1 for equal texts (also two empty ones), 0 when either is shorter than
 * two characters. Equal to `compareTwoStrings(a, b)` of the original texts.
 */
export function headlineDice(a: HeadlineBigrams, b: HeadlineBigrams): number {
  // Texts of a bigram or more with the same bigrams score 1 below, as equal texts do in `compareTwoStrings`.
  if (a.short !== undefined || b.short !== undefined) return a.short === b.short ? 1 : 0;
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
  return (2.0 * shared) / (a.length + b.length - 2);
}
