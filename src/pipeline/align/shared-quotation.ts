/**
 * Two reports that quote the same words report the same statement. A quotation is copied, not
 * paraphrased, so a run of several words inside quotation marks in both sentences is strong
 * evidence of one fact where the words around it differ ("“the first step on our scaling
 * ladder,” the firm wrote" / "its announcement called it “the first step on our scaling ladder
 * and the first product of …”").
 */
import { longestCommonRun } from '../derivatives/common-run.ts';
import { isStopWord } from '../text-features.ts';

/**
 * Words in a row that two quotations must share, and how many of them must not be stop words:
 * short phrases ("a storm of the century") recur as idioms.
 */
export const SHARED_QUOTE_WORDS = 5;
const SHARED_QUOTE_CONTENT_WORDS = 3;

/** The words inside each quotation of a sentence, lowercased, one list per quotation. */
function quotations(text: string): string[][] {
  return [...text.matchAll(/[“"]([^”"]+)[”"]/gu)].map((match) => (match[1] ?? '').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []);
}

/**
 * The longest run of words that a quotation in `a` and a quotation in `b` share, when it is at
 * least `SHARED_QUOTE_WORDS` long with three words that are not stop words; undefined otherwise. Takes two sentences; returns the run, words
 * joined by spaces.
 */
export function sharedQuotation(a: string, b: string): string | undefined {
  let best: readonly string[] = [];
  for (const x of quotations(a)) {
    for (const y of quotations(b)) {
      const run = longestCommonRun(x, y);
      if (run.length > best.length) best = run;
    }
  }
  const content = best.filter((word) => !isStopWord(word)).length;
  return best.length >= SHARED_QUOTE_WORDS && content >= SHARED_QUOTE_CONTENT_WORDS ? best.join(' ') : undefined;
}
