/**
 * URL slugs for stories: the same headline always gives the same slug, in plain lowercase ASCII,
 * so story URLs stay stable between builds.
 */

/** Longest slug kept; longer headlines are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Turns a headline into a slug: accents dropped ("Café" → "cafe"), apostrophes removed
 * ("Meta’s" → "metas"), every other run of non-alphanumerics a hyphen, at most 60 characters cut
 * at a hyphen. Returns `"story"` when nothing usable is left (a headline in a non-Latin script).
 */
export function slugify(headline: string): string {
  const ascii = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return 'story';
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : ascii.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/g, '');
}
