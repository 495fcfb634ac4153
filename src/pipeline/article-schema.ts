/**
 * The one schema for an article's front matter, and its validation into friendly problems.
 *
 * Used wherever front matter is read: the ingest stage, `npm run add` before it writes, and the
 * Astro side through the digest. Every zod issue becomes one `FrontMatterError` that names the
 * file, the line of the field, what was found and how to fix it; all issues are returned at once.
 */
import { z } from 'zod';
import { FrontMatterError } from '../errors.ts';
import type { ArticleMeta } from '../types.ts';

/**
 * Whether `value` is `YYYY-MM-DD` naming a real calendar day (not 2026-02-30). The one test of a
 * date for the schema, `npm run add` and ingest, so they cannot disagree about what a date is.
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** YAML turns an unquoted `2026-04-09` into a Date; accept it and keep the calendar day. */
const publishedSchema = z
  .union([z.date(), z.string().trim()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine((value) => value === 'unknown' || isCalendarDate(value), {
    message: 'must be a calendar date as YYYY-MM-DD, or `unknown` when the article does not state one',
  })
  // Only a real calendar date can be too early; anything else has had its one message above.
  .refine((value) => value === 'unknown' || !isCalendarDate(value) || Number(value.slice(0, 4)) >= 1800, {
    message: 'is before 1800, which is not a plausible publication date',
  });

const text = (what: string) =>
  z.string({ error: `must be text: ${what}` }).trim().min(1, { message: `must not be empty: ${what}` });

/** Front matter of `content/articles/*.md`. Unknown fields are refused, so typos surface. */
export const articleMetaSchema = z.strictObject({
  /** The headline as published, or `unknown` when the article carries none. */
  title: text('the headline, or `unknown`'),
  /** The outlet that published this copy, or `unknown`. */
  outlet: text('the publisher, or `unknown`'),
  /** Publication date `YYYY-MM-DD`, or `unknown`. Never guessed. */
  published: publishedSchema,
  /** Where to read it; only http and https, so no `javascript:` link reaches a page. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .optional(),
  /** Byline, when stated. */
  author: text('the byline').optional(),
  /** Whose reporting this is, when not the outlet's own (e.g. a wire service). */
  credit: text('whose reporting it is').optional(),
  /** Repo-relative path of the file it was imported from, or of this content file. */
  origin: text('the repo-relative path of the imported file'),
  /** BCP 47 language tag; English when absent. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as `en` or `pt-BR`' })
    .default('en'),
});

/** The fields the schema knows, for suggestions when an unknown field appears. */
export const ARTICLE_FIELDS = Object.keys(articleMetaSchema.shape) as (keyof ArticleMeta)[];

/** The outcome of validating front matter: the typed meta, or every problem found. */
export type MetaValidation = { ok: true; meta: ArticleMeta } | { ok: false; problems: FrontMatterError[] };

/**
 * Validates parsed front matter `data` from `file`. `frontMatter` is the raw YAML text, used only
 * to point each problem at the line of its field (lines counted from the file's first line).
 */
export function validateArticleMeta(data: unknown, file: string, frontMatter = ''): MetaValidation {
  const parsed = articleMetaSchema.safeParse(data ?? {});
  if (parsed.success) {
    const meta = parsed.data;
    return {
      ok: true,
      meta: Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as unknown as ArticleMeta,
    };
  }
  const problems: FrontMatterError[] = [];
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const key of keys) {
      problems.push(
        new FrontMatterError(describe(issue, key, data), {
          file,
          ...lineOf(frontMatter, key),
          field: key,
          found: foundValue(data, key),
          fix: fixFor(issue, key),
        }),
      );
    }
  }
  return { ok: false, problems };
}

function describe(issue: z.core.$ZodIssue, key: string, data: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field \`${key}\``;
  const absent = typeof data !== 'object' || data === null || !(key in data);
  if (absent) return `missing field \`${key}\``;
  return `field \`${key}\` ${issue.message.replace(/^Invalid input: /, '')}`;
}

function fixFor(issue: z.core.$ZodIssue, key: string): string {
  if (issue.code === 'unrecognized_keys') {
    const near = ARTICLE_FIELDS.find((field) => field.toLowerCase() === key.toLowerCase() || field.startsWith(key.slice(0, 3)));
    return near ? `rename it to \`${near}\`, or remove it` : `remove it; the known fields are ${ARTICLE_FIELDS.join(', ')}`;
  }
  switch (key) {
    case 'title':
      return 'add `title: <the headline>` (or `title: unknown` when the article has none)';
    case 'outlet':
      return 'add `outlet: <publisher>` (or `outlet: unknown`)';
    case 'published':
      return 'write `published: YYYY-MM-DD` (e.g. 2026-04-09), or `published: unknown`';
    case 'url':
      return 'give the article\'s http(s) address, or remove the field';
    case 'origin':
      return 'add `origin: <repo-relative path of the imported file>`; `npm run add` writes it for you';
    case 'language':
      return 'write a language tag such as `language: en`';
    default:
      return `correct \`${key}\` or remove it`;
  }
}

function foundValue(data: unknown, key: string): string {
  if (typeof data !== 'object' || data === null || !(key in data)) return 'nothing (the field is absent)';
  const value = (data as Record<string, unknown>)[key];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  return preview(value);
}

/**
 * A short, bounded rendering of a YAML value. YAML aliases can make a tiny file describe a huge
 * tree (`a: &x [*y, *y]`…), so this never expands more than a few dozen characters' worth.
 */
function preview(value: unknown, budget = { left: 80 }): string {
  if (budget.left <= 0) return '…';
  let out: string;
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      if (budget.left <= 0) {
        parts.push('…');
        break;
      }
      parts.push(preview(item, budget));
    }
    out = `[${parts.join(', ')}]`;
  } else if (typeof value === 'object' && value !== null) {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (budget.left <= 0) {
        parts.push('…');
        break;
      }
      budget.left -= k.length;
      parts.push(`${JSON.stringify(k)}: ${preview(v, budget)}`);
    }
    out = `{${parts.join(', ')}}`;
  } else {
    out = typeof value === 'string' ? JSON.stringify(value) : String(value);
    if (out.length > budget.left) out = `${out.slice(0, Math.max(budget.left, 10))}…`;
  }
  budget.left -= out.length;
  return out;
}

/** The 1-based line of `key:` in the front matter; the opening `---` is line 1, so fields start at 2. */
function lineOf(frontMatter: string, key: string): { line?: number } {
  const lines = frontMatter.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? {} : { line: index + 2 };
}
