/**
 * How much of each sentence is quotation: the share of its letters and digits inside quotation
 * marks. A quotation often spans several sentences ("“It was scary. I wish they had left,” she
 * said."), so an open quotation carries into the next sentence of the same paragraph. Double marks
 * (“ ” and ") and curly single marks (‘ ’) count; a ’ inside a word is an apostrophe, not a close.
 */
import type { Sentence } from '../../types.ts';

const LETTER = /[\p{L}\p{N}]/u;

/** Takes one article's sentences in order; returns, for each, the share (0–1) of its letters inside quotation marks. */
export function quotedShares(sentences: readonly Pick<Sentence, 'text' | 'paragraph'>[]): number[] {
  let double = false;
  let single = false;
  let paragraph: number | undefined;
  return sentences.map(({ text, paragraph: here }) => {
    // A quotation left open at a paragraph's end (a cut-off text, a stray mark) does not run on.
    if (here !== paragraph) [double, single, paragraph] = [false, false, here];
    let quoted = 0;
    let total = 0;
    for (let k = 0; k < text.length; k += 1) {
      const c = text[k] as string;
      if (c === '“') double = true;
      else if (c === '”') double = false;
      else if (c === '"') double = !double;
      else if (c === '‘' && !LETTER.test(text[k - 1] ?? ' ')) single = true;
      else if (c === '’' && single && !LETTER.test(text[k + 1] ?? ' ')) single = false;
      else if (LETTER.test(c)) {
        total += 1;
        if (double || single) quoted += 1;
      }
    }
    return total === 0 ? 0 : quoted / total;
  });
}
