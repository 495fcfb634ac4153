/**
 * Counts written as words ("five deaths", "Six people were killed"), read as figures so the
 * conflict finder compares them with counts written in digits ("4 people dead"). News style
 * spells out small numbers, so without this a count of one thing reported as "5" by one outlet and
 * "six" by another would never meet.
 *
 * Only two to twenty: "one" is far more often an article or a pronoun ("one sheriff", "one of
 * those") than a count, and larger counts are written in digits.
 */
import { figures, type Figure } from '../../text-features.ts';

const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const VALUES: ReadonlyMap<string, number> = new Map(WORDS.map((word, i) => [word, i + 2]));
/** A number word standing alone: not inside a longer word, not part of "twenty-five" or "two-thirds". */
const SPELLED = new RegExp(String.raw`(?<![\p{L}\d-])(${WORDS.join('|')})(?![\p{L}\d]|-(?:thirds?|fifths?|quarters?|halves|one|two|three|four|five|six|seven|eight|nine))`, 'giu');

/** A spelled-out count with its offset in the text. */
export interface SpelledCount {
  figure: Figure;
  index: number;
}

/**
 * The counts written as words in `text`, in text order, each a plain count (unit ""), its `raw`
 * the word as written. Takes a sentence; returns its two-to-twenty number words as figures.
 */
export function spelledCounts(text: string): SpelledCount[] {
  return [...text.matchAll(SPELLED)].map((match) => ({
    figure: { raw: match[0], value: VALUES.get(match[0].toLowerCase()) ?? 0, unit: '' },
    index: match.index ?? 0,
  }));
}

/** True when a figure's text is a number word, so it is shown lowercased ("Five" at a sentence's start is "five"). */
export function isSpelled(figure: Figure): boolean {
  return /^\p{L}+$/u.test(figure.raw);
}

/** What a number word before it multiplies: "three million" is 3,000,000. */
const MAGNITUDES: ReadonlyMap<string, number> = new Map([['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9]]);

/**
 * Figures in digits and counts in words, in that order, so "six" and "6", "three million" and "3
 * million" are one value; a number word's `raw` is as written, magnitude included.
 */
export function countsAndFigures(text: string): Figure[] {
  const spelled = spelledCounts(text).map(({ figure, index }) => {
    const magnitude = /^\s+(hundred|thousand|million|billion)\b/iu.exec(text.slice(index + figure.raw.length))?.[1];
    return magnitude === undefined ? figure : { ...figure, raw: `${figure.raw} ${magnitude}`, value: figure.value * (MAGNITUDES.get(magnitude.toLowerCase()) ?? 1) };
  });
  return [...figures(text), ...spelled];
}
