/**
 * What a plain-text or Markdown article states about itself: a headline-like first line (or a
 * `# heading`), a "(Source: X)" credit line, a "Published on <date> by <name> / <outlet>" byline,
 * and YAML front matter. The body of such a file is kept exactly as it is.
 */
import matter from 'gray-matter';
import { FrontMatterError, ProblemListError } from '../../errors.ts';
import { validateArticleMeta } from '../article-schema.ts';
import { parseStatedDate } from './stated-date.ts';
import { META_FIELDS, type Inference, type MetaField, type Stated } from './stated-fields.ts';

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
/** What a .txt file states: title, credit and byline; the body is the text unchanged. */
export function fromText(text: string): Stated {
  return { fields: inferFromLines(text, false), body: text, notes: [] };
}

/** What the lines of a text state: a headline-like first line (or `# heading`), a credit line, a byline. Shared by .txt, .md and the text of a page. */
export function inferFromLines(text: string, markdown: boolean): Partial<Record<MetaField, Inference>> {
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
 * A headline is short, one clause, and does not end like a sentence: "Orland unveils a new truck"
 * is one; "On Wednesday, Orland unveiled a new truck." is the first sentence of the report.
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

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * What a .md file states: its front matter's fields as written (validated later), then what its
 * text states; without front matter it reads as plain text.
 */
export function fromMarkdown(text: string, file: string): Stated {
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
