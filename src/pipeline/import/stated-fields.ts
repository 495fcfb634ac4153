/**
 * The vocabulary every import module shares: the front-matter fields an import can fill, how a
 * value found in a file is recorded (with where it was found), and what a file states about itself
 * before the editor's own values are applied.
 */

/** A front-matter field that `npm run add` can fill in. */
export type MetaField = 'title' | 'outlet' | 'published' | 'url' | 'author' | 'credit' | 'language';

/** Field order in the written front matter, so every article reads the same way. */
export const META_FIELDS: readonly MetaField[] = ['title', 'outlet', 'published', 'url', 'author', 'credit', 'language'];

/** What one field's value rests on, for the CLI's "inferred" lines. */
export interface Inference {
  value: string;
  /** Where in the file it was found (e.g. "the first line, which reads as a headline"). */
  from: string;
}

/** What a file states about itself, before told values are applied. */
export interface Stated {
  fields: Partial<Record<MetaField, Inference>>;
  /** The body to write. */
  body: string;
  /** The `origin` its front matter names, if any (it is replaced by the file imported). */
  origin?: string;
  /** Things worth telling the editor. */
  notes: string[];
}
