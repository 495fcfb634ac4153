/**
 * Word-level precision and recall of an extracted article against the expected article text, as
 * article-extraction benchmarks score it (Readability, trafilatura and newspaper are compared this
 * way): both texts become bags of lowercase word tokens; the tokens they share, counted with
 * multiplicity, over the extracted tokens is precision and over the expected tokens is recall.
 * Word order and whitespace do not count, so a different paragraph layout costs nothing.
 */

/** Precision, recall and F1, each from 0 to 1. */
export interface OverlapScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Lowercase runs of letters and digits: "Won’t, 9%!" gives ["won", "t", "9"]. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Scores `extracted` against `expected`. An empty expected text has nothing to recall (recall 1);
 * an empty extraction claims nothing (precision 1); both empty score 1 throughout.
 */
export function tokenOverlap(expected: string, extracted: string): OverlapScores {
  const want = new Map<string, number>();
  const expectedTokens = wordTokens(expected);
  for (const token of expectedTokens) want.set(token, (want.get(token) ?? 0) + 1);
  const extractedTokens = wordTokens(extracted);
  let shared = 0;
  for (const token of extractedTokens) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      shared += 1;
      want.set(token, left - 1);
    }
  }
  const precision = extractedTokens.length === 0 ? 1 : shared / extractedTokens.length;
  const recall = expectedTokens.length === 0 ? 1 : shared / expectedTokens.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
