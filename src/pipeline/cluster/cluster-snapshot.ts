/**
 * The clusterer's feature counts of a whole corpus as one cache record (`ClusterSnapshot`), and
 * the checks that make a damaged or foreign record harmless.
 *
 * `clusterStories` counts each article's features (stems, entities, figures) and interns them as
 * integer ids. Stored one record per article, a rebuild parsed and interned every key of every
 * article again; stored as ids into one shared vocabulary, it decodes three integer arrays. Ids
 * are arbitrary (the clusterer's results do not depend on them), so each snapshot simply
 * numbers the features it keeps in the order first seen.
 */
import { Buffer } from 'node:buffer';
import type { SegmentedArticle } from '../../types.ts';

/** What a snapshot knows an article by. */
export type SnapshotArticle = Pick<SegmentedArticle, 'contentHash' | 'file'>;

/**
 * The feature counts of a whole corpus: what the clusterer keeps between builds, so that a
 * rebuild counts only new and changed articles. The integer arrays are base64 of 32-bit integers
 * in the machine's byte order.
 */
export interface ClusterSnapshot {
  /** Per article, what its features are a function of (`${contentHash}\n${file}`), separated by U+0000. */
  articles: string;
  /**
   * Every feature the articles hold, as `${language} ${key}`, separated by U+0000; a feature's id
   * is its position. Two long strings rather than thousands of short ones: JSON reads and writes
   * them several times faster.
   */
  vocabulary: string;
  /** Where each article's features start in `ids`, and after the last article where they end. */
  offsets: string;
  /** The articles' feature ids end to end, each article's in the order first seen. */
  ids: string;
  /** `counts[i]` is how often feature `ids[i]` occurs in its article. */
  counts: string;
}

/** Separates the names in `ClusterSnapshot.articles` and `vocabulary`; a name holding it is never stored. */
const SEPARATOR = '\u0000';

/** What an article's features are a function of: its bytes (by hash) and its path. */
export function snapshotName(article: SnapshotArticle): string {
  return `${article.contentHash}\n${article.file}`;
}

/** A `ClusterSnapshot` decoded and checked: what `buildProfiles` reads. */
export interface DecodedSnapshot {
  articles: string[];
  vocabulary: string[];
  /** The id of each feature: its position in `vocabulary`. */
  idOf: Map<string, number>;
  /** The languages of the vocabulary, each once. */
  languages: string[];
  /** The language of each feature id, as a position in `languages`. */
  languageOf: Int32Array;
  /** The slot of each article (its position in `articles`) by `snapshotName`. */
  slotOf: Map<string, number>;
  offsets: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * `saved` decoded, or undefined when it is missing or not a consistent snapshot (a damaged or
 * foreign cache entry): offsets that run from 0 to the end in order, ids within the vocabulary,
 * counts of at least 1, no feature or article named twice. Whether an article names a feature
 * twice, or one of another language, is checked as its features are read.
 */
export function decodeSnapshot(saved: unknown): DecodedSnapshot | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const snapshot = saved as ClusterSnapshot;
  const articles = splitNames(snapshot.articles);
  const vocabulary = splitNames(snapshot.vocabulary);
  if (articles === undefined || vocabulary === undefined) return undefined;
  const offsets = decodeInts(snapshot.offsets);
  const ids = decodeInts(snapshot.ids);
  const counts = decodeInts(snapshot.counts);
  if (offsets === undefined || ids === undefined || counts === undefined) return undefined;
  if (offsets.length !== articles.length + 1 || ids.length !== counts.length || offsets[0] !== 0 || offsets[articles.length] !== ids.length) return undefined;
  for (let i = 1; i < offsets.length; i += 1) if ((offsets[i] as number) < (offsets[i - 1] as number)) return undefined;
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] as number;
    if (id < 0 || id >= vocabulary.length || (counts[i] as number) < 1) return undefined;
  }
  const idOf = new Map<string, number>();
  const languages: string[] = [];
  const languageOf = new Int32Array(vocabulary.length);
  for (let id = 0; id < vocabulary.length; id += 1) {
    const entry = vocabulary[id] as string;
    const space = entry.indexOf(' ');
    if (space < 1 || idOf.has(entry)) return undefined;
    idOf.set(entry, id);
    // Vocabularies hold one language or a few: a list beats a Map.
    const language = entry.slice(0, space);
    let index = languages.indexOf(language);
    if (index < 0) index = languages.push(language) - 1;
    languageOf[id] = index;
  }
  const slotOf = new Map<string, number>();
  for (let slot = 0; slot < articles.length; slot += 1) {
    if (slotOf.has(articles[slot] as string)) return undefined;
    slotOf.set(articles[slot] as string, slot);
  }
  return { articles, vocabulary, idOf, languages, languageOf, slotOf, offsets, ids, counts };
}

/**
 * The snapshot of a corpus: `features` and `counts` hold every article's feature ids (into
 * `keyOf`, each a `${language} ${key}`) and counts end to end, article `i` from `starts[i]` to
 * `starts[i + 1]`. Only features some article holds are kept, renumbered in the order first seen.
 * Undefined when a name holds the separator (a NUL character): such a corpus is then counted
 * afresh in every build, slower but right.
 */
export function encodeSnapshot(articles: readonly SnapshotArticle[], keyOf: readonly string[], features: Int32Array, counts: Int32Array, starts: Int32Array): ClusterSnapshot | undefined {
  const renumbered = new Int32Array(keyOf.length).fill(-1);
  const vocabulary: string[] = [];
  const ids = new Int32Array(features.length);
  for (let i = 0; i < features.length; i += 1) {
    const id = features[i] as number;
    if (renumbered[id] === -1) {
      renumbered[id] = vocabulary.length;
      vocabulary.push(keyOf[id] as string);
    }
    ids[i] = renumbered[id] as number;
  }
  const names = articles.map(snapshotName);
  if (names.some((name) => name.includes(SEPARATOR)) || vocabulary.some((name) => name.includes(SEPARATOR))) return undefined;
  return {
    articles: names.join(SEPARATOR),
    vocabulary: vocabulary.join(SEPARATOR),
    offsets: encodeInts(starts),
    ids: encodeInts(ids),
    counts: encodeInts(counts),
  };
}

/** The names joined in `text`, or undefined when it is not a string. */
function splitNames(text: unknown): string[] | undefined {
  if (typeof text !== 'string') return undefined;
  return text === '' ? [] : text.split(SEPARATOR);
}

function encodeInts(values: Int32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** The integers of `encodeInts`, or undefined when `text` is not such a string. */
function decodeInts(text: unknown): Int32Array | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0 || bytes.toString('base64') !== text) return undefined;
  // Copied into a buffer of its own: a decoded Buffer may start at an offset not divisible by 4.
  const values = new Int32Array(bytes.length / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}

/**
 * Whether the saved features of the article in `slot` can be used: none named twice (checked with
 * `lastHolder`, the article that last took each id, which this fills in for `holder`), none of
 * another language than `language`.
 */
export function isSoundRecord(saved: DecodedSnapshot, slot: number, language: string, holder: number, lastHolder: Int32Array): boolean {
  const { ids, offsets, languageOf } = saved;
  const languageId = saved.languages.indexOf(language);
  const to = offsets[slot + 1] as number;
  for (let i = offsets[slot] as number; i < to; i += 1) {
    const id = ids[i] as number;
    if (languageOf[id] !== languageId || lastHolder[id] === holder) return false;
    lastHolder[id] = holder;
  }
  return true;
}
