/**
 * Turns one raw article (a .txt, .md or .html file as an editor found it) into front matter and a
 * body for `content/articles/<slug>.md`. This is the pure half of `npm run add`, and the import
 * stage's public face; reading and writing files live in `scripts/add-article.ts` and
 * `src/io/add-articles.ts`.
 *
 * A saved web page goes through Mozilla Readability (`page-article.ts`) for its article and
 * through what the page states about itself (`page-metadata.ts`); a text or Markdown file is kept
 * as it is, with what its lines state (`plain-text.ts`). The normalize stage cleans every body
 * later, at build time, as it always has.
 *
 * It infers only what the file itself states and never invents a value: what is not stated stays
 * `unknown` (title, outlet, published) or is left out (url, author, credit, language). Values told
 * on the command line win over inferred ones, and the result says which was which so the CLI can
 * print it. A page whose article cannot be found whole is refused (`ArticleNotFoundError`) unless
 * the editor forces it, so an article is never lost without a word.
 */
import { ArticleFileError, ProblemListError, UsageError } from '../../errors.ts';
import type { ArticleMeta } from '../../types.ts';
import { isCalendarDate, validateArticleMeta } from '../article-schema.ts';
import { decodeText } from '../decode-text.ts';
import { slugify, type SlugOptions } from '../slugify.ts';
import { checkWholeArticle, extractArticle, parsePage, type WholeArticleLimits } from './page-article.ts';
import { bylineFields, isHttpUrl, pageMetadata } from './page-metadata.ts';
import { fromMarkdown, fromText, inferFromLines } from './plain-text.ts';
import { META_FIELDS, type Inference, type MetaField, type Stated } from './stated-fields.ts';

export { META_FIELDS, type Inference, type MetaField } from './stated-fields.ts';
export { YAML_ONLY_MATTER, isHeadline } from './plain-text.ts';
export { parseStatedDate } from './stated-date.ts';

/** The raw formats `npm run add` understands. */
export type RawKind = 'txt' | 'md' | 'html';

/** Values given on the command line; each one overrides whatever the text states. */
export type ToldMeta = Partial<Record<MetaField, string>>;

/** Input of `importRaw`. */
export interface RawImport {
  /** The decoded text of the raw file. */
  text: string;
  kind: RawKind;
  /** The path to name in error messages (as the editor typed it, or repo-relative). */
  file: string;
  /** Repo-relative path of the raw file kept in the repo; becomes `origin:`. */
  origin: string;
  told: ToldMeta;
  /** Import a page even when no whole article was found in it (`--force`). Default false. */
  force?: boolean;
  /** When a page's article counts as found whole; default `WHOLE_ARTICLE`. */
  limits?: WholeArticleLimits;
}

/** Output of `importRaw`: everything the CLI needs to write the article and report on it. */
export interface ImportResult {
  /** The validated front matter (with the schema's defaults applied). */
  meta: ArticleMeta;
  /** The front matter to write, in `META_FIELDS` order then `origin`; only stated fields. */
  frontMatter: Record<string, string>;
  /** The body to write: the raw text unchanged for .txt/.md; for .html the article as Markdown-lite. */
  body: string;
  /** For a page: words in the article found, and words of text the whole page shows. */
  extraction?: { words: number; pageWords: number };
  /** Fields taken from the file itself, with where each was found. */
  inferred: Partial<Record<MetaField, Inference>>;
  /** Fields given on the command line. */
  told: ToldMeta;
  /** Fields neither stated in the file nor told: written as `unknown` or left out. */
  unknown: MetaField[];
  /** Things worth telling the editor (a told value overriding a different stated one, say). */
  notes: string[];
}

/** The raw kind for a file name, from its extension; `undefined` for anything else. */
export function rawKindOf(fileName: string): RawKind | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}

/** A decoded raw file, plus warnings (one per problem) when it was not UTF-8. */
export interface DecodedRaw {
  text: string;
  warnings: string[];
}

/**
 * Decodes a raw file's bytes with the same rules the build uses (`decodeText`: UTF-8, UTF-16 with
 * a byte-order mark, else Windows-1252 with a warning) and refuses empty, whitespace-only and
 * binary files with an `ArticleFileError` whose fix fits `npm run add`.
 */
export function decodeRaw(bytes: Uint8Array, file: string): DecodedRaw {
  if (bytes.length === 0) {
    throw new ArticleFileError('the file is empty', {
      file,
      found: '0 bytes',
      fix: 'give the path of a file that holds the article text',
    });
  }
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) {
    throw new ArticleFileError('the file is binary, not text', {
      file,
      found: decoded.problem.found,
      fix: 'save the article as plain text (.txt), Markdown (.md) or HTML (.html) and add that file',
    }, { cause: decoded.problem });
  }
  if (decoded.text.trim() === '') {
    throw new ArticleFileError('the file holds only whitespace', {
      file,
      found: `${bytes.length} bytes of spaces and line breaks`,
      fix: 'give the path of a file that holds the article text',
    });
  }
  return { text: decoded.text, warnings: decoded.warnings.map((warning) => warning.message) };
}

/**
 * Builds the article from one decoded raw file. Throws `UsageError` for a bad told value,
 * `FrontMatterError` (or `ProblemListError` for several) for front matter that fails the schema,
 * `ArticleFileError` for a file with no text, and `ArticleNotFoundError` for a page in which no
 * whole article was found (unless `force`).
 */
export function importRaw(input: RawImport): ImportResult {
  checkTold(input.told);
  const stated: Stated & { extraction?: ImportResult['extraction'] } =
    input.kind === 'html' ? fromHtml(input) : input.kind === 'md' ? fromMarkdown(input.text, input.file) : fromText(input.text);
  if (stated.body.trim() === '') {
    throw new ArticleFileError('the file has no article text', {
      file: input.file,
      found: input.kind === 'md' ? 'front matter and nothing after it' : 'no text outside markup',
      fix: 'add the article text to the file, or give the path of the right file',
    });
  }

  const notes = [...stated.notes];
  const data: Record<string, string> = {};
  const inferred: Partial<Record<MetaField, Inference>> = {};
  const told: ToldMeta = {};
  const unknown: MetaField[] = [];
  for (const field of META_FIELDS) {
    const toldValue = input.told[field]?.trim();
    const found = stated.fields[field];
    if (toldValue !== undefined && toldValue !== '') {
      data[field] = toldValue;
      told[field] = toldValue;
      if (found !== undefined) {
        const agree = found.value === toldValue ? 'the file states the same' : `the file states "${found.value}"`;
        notes.push(`${field}: told "${toldValue}"; ${agree} (${found.from})`);
      }
    } else if (found !== undefined) {
      data[field] = found.value;
      inferred[field] = found;
    } else {
      unknown.push(field);
      if (field === 'title' || field === 'outlet' || field === 'published') data[field] = 'unknown';
    }
  }
  if (stated.origin !== undefined && stated.origin !== input.origin) {
    notes.push(`origin: the front matter said "${stated.origin}"; it is now "${input.origin}", the file imported`);
  }
  data.origin = input.origin;

  const validation = validateArticleMeta(data, input.file);
  if (!validation.ok) {
    const [first, ...rest] = validation.problems;
    if (first !== undefined && rest.length === 0) throw first;
    throw new ProblemListError(validation.problems);
  }
  return {
    meta: validation.meta,
    frontMatter: data,
    body: stated.body,
    ...(stated.extraction === undefined ? {} : { extraction: stated.extraction }),
    inferred,
    told,
    unknown,
    notes,
  };
}

/**
 * Checks values told on the command line (empty values, a --published that is no date, a --url
 * that is not http(s)) and throws a `UsageError` naming the option. `importRaw` calls it first;
 * a CLI importing several files calls it once, before the first.
 */
export function checkTold(told: ToldMeta): void {
  for (const field of META_FIELDS) {
    const value = told[field];
    if (value !== undefined && value.trim() === '') {
      throw new UsageError(`option --${field} is empty`, {
        file: 'command line',
        field: `--${field}`,
        found: JSON.stringify(value),
        fix: `give a value, or leave --${field} out`,
      });
    }
  }
  const published = told.published?.trim();
  if (published !== undefined && published !== 'unknown' && !isCalendarDate(published)) {
    throw new UsageError('option --published is not a date', {
      file: 'command line',
      field: '--published',
      found: JSON.stringify(published),
      fix: 'write the date as YYYY-MM-DD (e.g. --published 2026-04-09), or --published unknown',
    });
  }
  const url = told.url?.trim();
  if (url !== undefined && !isHttpUrl(url)) {
    throw new UsageError('option --url is not an http(s) address', {
      file: 'command line',
      field: '--url',
      found: JSON.stringify(url),
      fix: 'give the address the article can be read at, starting with https:// or http://',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// HTML

/**
 * What a saved page states, and its article. The metadata is read first: Readability rearranges
 * the document it extracts from. The byline Readability finds, and a credit or "Published on …"
 * line in the article's own text, fill only what the page's markup left unsaid.
 */
function fromHtml(input: RawImport): Stated & { extraction: NonNullable<ImportResult['extraction']> } {
  const document = parsePage(input.text);
  const { fields, notes } = pageMetadata(document);
  const article = extractArticle(document);
  const extraction = { words: article.words, pageWords: article.pageWords };
  if (article.pageWords === 0) return { fields, body: '', notes, extraction };
  if (input.force === true) {
    try {
      checkWholeArticle(article, input.file, input.limits);
    } catch (error) {
      notes.push(`imported with --force: ${(error as ArticleFileError).found}`);
    }
  } else {
    checkWholeArticle(article, input.file, input.limits);
  }
  const fromByline = article.byline === undefined ? {} : bylineFields(article.byline);
  const fromBody = inferFromLines(article.body, false);
  if (fromBody.credit !== undefined) fields.credit = fromBody.credit;
  for (const field of ['published', 'author', 'outlet'] as const) {
    const found = fields[field] ?? fromByline[field] ?? fromBody[field];
    if (found !== undefined) fields[field] = found;
  }
  return { fields, body: article.body, notes, extraction };
}

// ---------------------------------------------------------------------------------------------
// Slugs

/**
 * Article file names keep more of the headline than story slugs (up to 80 characters) and never
 * end on a dangling "and" or "the"; these are the rules every file in content/articles was named
 * by. An empty result means "no ASCII here", so `slugFor` can fall back to the file name.
 */
const ARTICLE_SLUG: SlugOptions = { maxLength: 80, trimDanglingWords: true, fallback: '' };

/** The slug for an imported article: from its title when known, else from the raw file's name. */
export function slugFor(title: string, fileName: string): string {
  const fromTitle = title === 'unknown' ? '' : slugify(title, ARTICLE_SLUG);
  if (fromTitle !== '') return fromTitle;
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return slugify(stem, ARTICLE_SLUG) || 'article';
}

/** Lowercase ASCII words joined by single hyphens: what `--slug` must look like. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}
