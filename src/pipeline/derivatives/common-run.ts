/**
 * The longest run of words two texts share in a row: the trace copying leaves, where paraphrase
 * keeps the facts but not the writer's wording. Used to tell a copied sentence from a rewritten
 * one (`detect-derivatives.ts`) and a shared quotation from two that merely overlap
 * (`shared-quotation.ts`).
 */

/**
 * Takes two word lists (already lowercased and split as the caller needs); returns the longest
 * run of consecutive words both contain in the same order, as it stands in `a` (empty when they
 * share no word). Dynamic programming over word positions: sentences and quotations are short.
 */
export function longestCommonRun(a: readonly string[], b: readonly string[]): readonly string[] {
  let bestLength = 0;
  let bestEnd = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let x = 1; x <= a.length; x += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let y = 1; y <= b.length; y += 1) {
      if (a[x - 1] !== b[y - 1]) continue;
      row[y] = (previous[y - 1] ?? 0) + 1;
      if ((row[y] ?? 0) > bestLength) {
        bestLength = row[y] ?? 0;
        bestEnd = x;
      }
    }
    previous = row;
  }
  return a.slice(bestEnd - bestLength, bestEnd);
}
