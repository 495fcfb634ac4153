/**
 * URL and file-name slugs: the same text always gives the same slug, in plain lowercase ASCII, so
 * story URLs and imported article file names stay stable between builds. Story slugs (merge-story)
 * and article file names (import/import-raw) share this one function and differ only in its options.
 */
import transliterate from '@sindresorhus/transliterate';
import { OptionError, assertInRange } from '../errors.ts';

/** Longest story slug kept; longer headlines are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/** The most `maxLength` may be: the longest slug `npm run add -- --slug` accepts. */
export const SLUG_LENGTH_LIMIT = 120;

/** How `slugify` cuts and what it falls back to. Every field is optional. */
export interface SlugOptions {
  /** Longest slug kept, a whole number from 1 to 120 (default 60, `MAX_SLUG_LENGTH`). */
  maxLength?: number;
  /**
   * After a cut, drop short function words left dangling at the end ("…-reservoir-and-the" →
   * "…-reservoir"). Default false: story slugs have always kept them, and changing that would move
   * existing story URLs.
   */
  trimDanglingWords?: boolean;
  /** Returned when nothing ASCII is left (a headline in a script with no Latin spelling here, such as Chinese). Default `"story"`. */
  fallback?: string;
}

const DANGLING_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'or']);

/**
 * Turns a headline into a slug: accents dropped ("Café" → "cafe"), other alphabets and letters
 * such as "ß" spelled in Latin letters by `@sindresorhus/transliterate` ("Москва" → "moskva"), apostrophes removed
 * ("Harbor’s" → "harbors"), every other run of non-alphanumerics a hyphen, at most `maxLength`
 * characters. A long slug is cut at its last hyphen within the limit, unless that would keep no
 * more than a quarter of it (one short word before a very long one): then it is cut mid-word.
 * Returns `fallback` when nothing usable is left. Throws an `OptionError` for a bad `maxLength`.
 */
export function slugify(text: string, options: SlugOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_SLUG_LENGTH;
  assertInRange('slugify', 'maxLength', maxLength, 1, SLUG_LENGTH_LIMIT);
  if (!Number.isInteger(maxLength)) {
    throw new OptionError('option `maxLength` is not a whole number', {
      file: 'slugify',
      field: 'maxLength',
      found: String(maxLength),
      fix: `pass a whole number of characters from 1 to ${SLUG_LENGTH_LIMIT}`,
    });
  }
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Letters still outside ASCII are spelled in Latin letters: other alphabets ("Αθήνα" → "athina")
    // and Latin letters with no accent to drop ("Straße" → "strasse", "Łódź" → "lodz", "Øresund").
    // Punctuation and symbols keep the treatment below ("€5bn" → "5bn"), so no other slug moves.
    .replace(/(?:(?![\x00-\x7F])\p{L})+/gu, (run) => transliterate(run))
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return options.fallback ?? 'story';
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  const kept = lastHyphen > maxLength / 4 ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength);
  const words = kept.split('-').filter((word) => word !== '');
  if (options.trimDanglingWords === true) {
    while (words.length > 1 && DANGLING_WORDS.has(words[words.length - 1] ?? '')) words.pop();
  }
  return words.join('-');
}
