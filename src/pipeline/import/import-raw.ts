/**
 * Turns one raw article (a .txt, .md or .html file as an editor found it) into front matter and a
 * body for `content/articles/<slug>.md`. This is the pure half of `npm run add`; reading and
 * writing files live in `scripts/add-article.ts` and `src/io/write-article.ts`.
 *
 * It infers only what the text itself states (a headline-like first line, a "(Source: X)" credit
 * line, a "Published on <date> by <name> / <outlet>" byline, HTML meta tags, Markdown front
 * matter) and never invents a value: what is not stated stays `unknown` (title, outlet,
 * published) or is left out (url, author, credit, language). Values told on the command line win
 * over inferred ones, and the result says which was which so the CLI can print it.
 */
import matter from 'gray-matter';
import { rehype } from 'rehype';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes, Root } from 'hast';
import { ArticleFileError, FrontMatterError, ProblemListError, UsageError } from '../../errors.ts';
import type { ArticleMeta } from '../../types.ts';
import { isCalendarDate, validateArticleMeta } from '../article-schema.ts';
import { decodeText } from '../decode-text.ts';
import { slugify, type SlugOptions } from '../slugify.ts';

/**
 * gray-matter options that read YAML only: its `---js` front matter runs through eval(), so every
 * other engine is refused (the same rule ingest applies).
 */
export const YAML_ONLY_MATTER = {
  language: 'yaml',
  excerpt: false,
  engines: Object.fromEntries(
    ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [
      name,
      () => {
        throw new Error(`front matter in ${name} is not accepted; use YAML`);
      },
    ]),
  ),
};

/** The raw formats `npm run add` understands. */
export type RawKind = 'txt' | 'md' | 'html';

/** A front-matter field that `npm run add` can fill in. */
export type MetaField = 'title' | 'outlet' | 'published' | 'url' | 'author' | 'credit' | 'language';

/** Field order in the written front matter, so every article reads the same way. */
export const META_FIELDS: readonly MetaField[] = ['title', 'outlet', 'published', 'url', 'author', 'credit', 'language'];

/** Values given on the command line; each one overrides whatever the text states. */
export type ToldMeta = Partial<Record<MetaField, string>>;

/** What one field's value rests on, for the CLI's "inferred" lines. */
export interface Inference {
  value: string;
  /** Where in the text it was found (e.g. "first line reads as a headline"). */
  from: string;
}

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
}

/** Output of `importRaw`: everything the CLI needs to write the article and report on it. */
export interface ImportResult {
  /** The validated front matter (with the schema's defaults applied). */
  meta: ArticleMeta;
  /** The front matter to write, in `META_FIELDS` order then `origin`; only stated fields. */
  frontMatter: Record<string, string>;
  /** The body to write: the raw text unchanged for .txt/.md, plain paragraphs for .html. */
  body: string;
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
 * `ArticleFileError` for a file with no text.
 */
export function importRaw(input: RawImport): ImportResult {
  checkTold(input.told);
  const stated = input.kind === 'html' ? fromHtml(input.text) : input.kind === 'md' ? fromMarkdown(input.text, input.file) : fromText(input.text);
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
  return { meta: validation.meta, frontMatter: data, body: stated.body, inferred, told, unknown, notes };
}

/** What a file states about itself, before told values are applied. */
interface Stated {
  fields: Partial<Record<MetaField, Inference>>;
  body: string;
  origin?: string;
  notes: string[];
}

/** Told values are checked here, before anything else, so a typo fails fast with the option's name. */
function checkTold(told: ToldMeta): void {
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

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Title, credit and byline from plain text; the body is the text unchanged. */
function fromText(text: string): Stated {
  return { fields: inferFromLines(text, false), body: text, notes: [] };
}

/** The inferences shared by .txt, .md without front matter and the text of .html. */
function inferFromLines(text: string, markdown: boolean): Partial<Record<MetaField, Inference>> {
  const fields: Partial<Record<MetaField, Inference>> = {};
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  const first = lines[0];
  if (first !== undefined && lines.length > 1) {
    const heading = markdown ? /^#{1,6}\s+(.+?)\s*#*$/.exec(first)?.[1] : undefined;
    if (heading !== undefined) fields.title = { value: heading, from: 'the Markdown heading on the first line' };
    else if (isHeadline(first)) fields.title = { value: first, from: 'the first line, which reads as a headline' };
  }
  const credit = findCredit(lines);
  if (credit !== undefined) fields.credit = credit;
  Object.assign(fields, findByline(lines));
  return fields;
}

/**
 * A headline is short, one clause, and does not end like a sentence: "Meta unveils a new model"
 * is one; "On Wednesday, Meta unveiled a new model." is the first sentence of the report.
 */
export function isHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length < 3 || text.length > 200) return false;
  if (!/\p{L}/u.test(text)) return false;
  const wordCount = text.split(/\s+/).length;
  // Two-word lines are labels ("Watch Now", "▼ Highlights"), not headlines.
  if (wordCount < 3 || wordCount > 30) return false;
  if (!/^[\p{L}\p{N}"'“‘]/u.test(text)) return false;
  // Bylines, datelines and credit lines are not headlines either.
  if (/^(?:by|published|last updated|updated|posted)\b/i.test(text) || /^\(?\s*(?:source|via|credit)s?\s*:/i.test(text)) return false;
  if (parseStatedDate(text) !== undefined) return false;
  if (/^(?:[-*•–—]|\d+[.)])\s/.test(text)) return false;
  if (/[.!;:,…]["'”’)\]]*$/.test(text)) return false;
  // Two sentences on one line are a paragraph, not a headline.
  if (/[.!?]["'”’]?\s+\p{Lu}/u.test(text)) return false;
  if (text.endsWith('?') && text.split(/\s+/).length > 15) return false;
  return true;
}

/** A whole line `(Source: X)` (or `Source: X`) among the last lines of the text. */
function findCredit(lines: string[]): Inference | undefined {
  for (const line of lines.slice(-3).reverse()) {
    const match = /^\(?\s*(?:source|sources|via|credit)\s*:\s*([^()]{1,80}?)\s*\)?\s*$/i.exec(line);
    if (match?.[1] !== undefined && /\p{L}/u.test(match[1])) {
      return { value: match[1], from: `the credit line "${line}"` };
    }
  }
  return undefined;
}

/** `Published on <date> by <name> / <outlet>`, as a line or one `|`-separated part of a line. */
function findByline(lines: string[]): Partial<Record<MetaField, Inference>> {
  for (const line of lines) {
    for (const part of line.split('|').map((p) => p.trim())) {
      const match = /^published(?: on)?\s+(.+?)\s+by\s+(.+?)(?:\s+\/\s+(.+))?$/i.exec(part);
      if (match === null) continue;
      const [, dateText = '', author = '', outlet] = match;
      const from = `the byline "${part}"`;
      const found: Partial<Record<MetaField, Inference>> = { author: { value: author, from } };
      const date = parseStatedDate(dateText);
      if (date !== undefined) found.published = { value: date, from };
      if (outlet !== undefined && outlet.trim() !== '') found.outlet = { value: outlet.trim(), from };
      return found;
    }
  }
  return {};
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date written out in full ("April 9, 2026", "9 April 2026", "2026-04-09"), as `YYYY-MM-DD`.
 * Anything less complete (no year, "yesterday") gives `undefined`: a date is never guessed.
 */
export function parseStatedDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso !== null) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /^(?:[A-Za-z]+,? )?([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(value);
  if (monthFirst !== null) return checked(Number(monthFirst[3]), monthIndex(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = /^(?:[A-Za-z]+,? )?(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})\b/.exec(value);
  if (dayFirst !== null) return checked(Number(dayFirst[3]), monthIndex(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

function monthIndex(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}

function checked(year: number, month: number, day: number): string | undefined {
  if (month < 1) return undefined;
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(value) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Front matter fields are kept as stated (validated later); without front matter, as plain text. */
function fromMarkdown(text: string, file: string): Stated {
  if (/^---[A-Za-z]/.test(text)) {
    throw new FrontMatterError('the front matter is not YAML', {
      file,
      line: 1,
      found: JSON.stringify(text.split(/\r?\n/, 1)[0]),
      fix: 'write the front matter in YAML between two `---` lines (gray-matter would run other languages as code)',
    });
  }
  if (!/^---[ \t]*\r?\n/.test(text)) return { fields: inferFromLines(text, true), body: text, notes: [] };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also keeps gray-matter from caching by content, which would share mutable results.
    parsed = matter(text, YAML_ONLY_MATTER);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    throw new FrontMatterError('the front matter is not valid YAML', {
      file,
      ...(mark?.line === undefined ? {} : { line: mark.line + 2 }),
      found: (error as Error).message.split('\n')[0] ?? 'a YAML syntax error',
      fix: 'correct the YAML between the two `---` lines (quote values that contain a colon), or remove the front matter',
    }, { cause: error });
  }
  const data = parsed.data as Record<string, unknown>;
  const fields: Partial<Record<MetaField, Inference>> = {};
  const problems: FrontMatterError[] = [];
  for (const [key, raw] of Object.entries(data)) {
    if (key === 'origin') continue;
    const value = raw instanceof Date && !Number.isNaN(raw.getTime()) ? raw.toISOString().slice(0, 10) : raw;
    if (!(META_FIELDS as readonly string[]).includes(key) || typeof value !== 'string') {
      // Let the schema describe it, so the message matches what the build would say.
      const check = validateArticleMeta({ title: 'x', outlet: 'x', published: 'unknown', origin: 'x', [key]: value }, file, parsed.matter);
      if (!check.ok) problems.push(...check.problems);
      continue;
    }
    fields[key as MetaField] = { value, from: 'the file\'s front matter' };
  }
  if (problems.length === 1 && problems[0] !== undefined) throw problems[0];
  if (problems.length > 1) throw new ProblemListError(problems);
  // What the front matter leaves unsaid may still be stated in the text (a heading, a byline).
  const fromBody = inferFromLines(parsed.content, true);
  for (const field of META_FIELDS) {
    const found = fromBody[field];
    if (fields[field] === undefined && found !== undefined) fields[field] = found;
  }
  const origin = typeof data.origin === 'string' ? data.origin : undefined;
  return { fields, body: parsed.content, ...(origin === undefined ? {} : { origin }), notes: [] };
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Elements that are never reporting: code, styling, site navigation and page furniture. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input']);

/** Meta tags, title and canonical link from the head; the article's text as plain paragraphs. */
function fromHtml(html: string): Stated {
  const tree = rehype().parse(html);
  const fields: Partial<Record<MetaField, Inference>> = {};
  const notes: string[] = [];

  const h1 = findFirst(tree, (el) => el.tagName === 'h1');
  const titleEl = findFirst(tree, (el) => el.tagName === 'title');
  const h1Text = h1 === undefined ? '' : squash(toText(h1));
  const titleText = titleEl === undefined ? '' : squash(toText(titleEl));
  if (h1Text !== '') fields.title = { value: h1Text, from: 'the page\'s <h1>' };
  else if (titleText !== '') fields.title = { value: titleText, from: 'the page\'s <title>' };

  const meta = (key: string): string | undefined => {
    const el = findFirst(tree, (e) => e.tagName === 'meta' && (prop(e, 'name') ?? prop(e, 'property'))?.toLowerCase() === key);
    const value = el === undefined ? undefined : squash(prop(el, 'content') ?? '');
    return value === undefined || value === '' ? undefined : value;
  };
  const author = meta('author') ?? meta('article:author');
  if (author !== undefined && !/^https?:/i.test(author)) fields.author = { value: author, from: '<meta name="author">' };
  const site = meta('og:site_name');
  if (site !== undefined) fields.outlet = { value: site, from: '<meta property="og:site_name">' };
  const publishedRaw = meta('article:published_time');
  if (publishedRaw !== undefined) {
    const date = parseStatedDate(publishedRaw);
    if (date !== undefined) fields.published = { value: date, from: '<meta property="article:published_time">' };
    else notes.push(`published: the page's article:published_time "${publishedRaw}" is not a date; left unknown`);
  }
  const canonical = findFirst(tree, (e) => e.tagName === 'link' && relOf(e).includes('canonical'));
  const href = canonical === undefined ? undefined : prop(canonical, 'href')?.trim();
  if (href !== undefined && isHttpUrl(href)) fields.url = { value: href, from: '<link rel="canonical">' };
  else if (href !== undefined && href !== '') notes.push(`url: the canonical link "${href}" is not an absolute http(s) address; left out`);
  const lang = findFirst(tree, (e) => e.tagName === 'html');
  const langValue = lang === undefined ? undefined : prop(lang, 'lang')?.trim();
  if (langValue !== undefined && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(langValue)) fields.language = { value: langValue, from: '<html lang>' };

  const root = findFirst(tree, (e) => e.tagName === 'article') ?? findFirst(tree, (e) => e.tagName === 'main') ?? findFirst(tree, (e) => e.tagName === 'body') ?? tree;
  prune(root);
  // innerText puts block elements on their own lines; each non-empty line becomes a paragraph.
  const body = toText(root)
    .split('\n')
    .map(squash)
    .filter((line) => line !== '')
    .join('\n\n');

  const fromBody = inferFromLines(body, false);
  if (fromBody.credit !== undefined) fields.credit = fromBody.credit;
  for (const field of ['published', 'author', 'outlet'] as const) {
    const found = fromBody[field];
    if (fields[field] === undefined && found !== undefined) fields[field] = found;
  }
  return { fields, body: body === '' ? '' : `${body}\n`, notes };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function prop(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? undefined : String(value);
}

function relOf(el: Element): string[] {
  const rel: unknown = el.properties.rel;
  const values: string[] = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
  return values.map((r) => r.toLowerCase());
}

function findFirst(node: Nodes, test: (el: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if ('children' in node) {
    for (const child of node.children) {
      const found = findFirst(child, test);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Removes dropped elements and comments in place (the tree is our own fresh parse). */
function prune(node: Root | Element): void {
  node.children = node.children.filter((child) => child.type !== 'comment' && !(child.type === 'element' && DROPPED.has(child.tagName)));
  for (const child of node.children) if (child.type === 'element') prune(child);
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
