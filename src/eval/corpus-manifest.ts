/**
 * The manifest of a real evaluation corpus: which published articles it holds, where each can be
 * read again, and the event each one reports (labelled by hand after reading it).
 *
 * The manifest is committed; the articles' texts are third-party writing and stay in a git-ignored
 * `texts/` folder beside it (`eval/<corpus>/texts/<id>.txt`), so anyone can gather them again from
 * the addresses and queries the manifest keeps.
 */
import { z } from 'zod';
import { ManifestError } from '../errors.ts';
import { isCalendarDate } from '../pipeline/article-schema.ts';

const articleEntry = z.strictObject({
  /** File name of the text in `texts/` (without `.txt`); also the article's id. Says nothing of the event. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
  /** The page's address: where the text was read, and how to find it again. */
  url: z.url({ protocol: /^https?$/ }),
  /** The publication's name. */
  outlet: z.string().trim().min(1),
  /** The headline as the page states it, or `unknown` (never reconstructed). */
  title: z.string().trim().min(1),
  /** Publication date as the page states it, or `unknown`. */
  published: z.string().refine((value) => value === 'unknown' || isCalendarDate(value), 'must be YYYY-MM-DD or `unknown`'),
  /** BCP 47 language of the text when it is not English, as an editor would tell `npm run add`. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as `es`').optional(),
  /** The event the text reports: a key of `events`. */
  event: z.string().min(1),
  /** The search that found the page, so the text can be gathered again. */
  query: z.string().min(1),
  /** What kind of copy it is: a full opening, a short excerpt, a syndicated or rewritten copy, a brief item. */
  kind: z.enum(['full', 'excerpt', 'syndicated', 'rewrite', 'short']),
  /** Anything a re-gatherer should know (where the date came from, which article it copies). */
  note: z.string().optional(),
});

/** The manifest file, `eval/<corpus>/manifest.json`. */
export const corpusManifestSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  /** When and how the texts were gathered. */
  gathered: z.string().min(1),
  /** Event label → what happened, with its date. */
  events: z.record(z.string(), z.string()),
  articles: z.array(articleEntry).min(1),
});

/** One article of a corpus manifest. */
export type CorpusArticle = z.infer<typeof articleEntry>;
/** A parsed corpus manifest. */
export type CorpusManifest = z.infer<typeof corpusManifestSchema>;

/**
 * Parses one of a corpus's committed JSON files (its manifest, its labels) against `schema`.
 * Throws a `ManifestError` naming the file and, for a schema problem, the field, with what was
 * found and where the schema is documented (`schemaFile`).
 */
export function parseEvalJson<T>(json: string, file: string, schema: z.ZodType<T>, what: string, schemaFile: string): T {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ManifestError(`${what} is not valid JSON`, {
      file,
      found: error instanceof Error ? error.message : String(error),
      fix: 'repair the JSON (a trailing comma or a missing quote, most often)',
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    throw new ManifestError(`${what} does not fit its schema`, {
      file,
      field: issue.path.join('.'),
      found: issue.message,
      fix: `see ${schemaFile} for every field and its form`,
    });
  }
  return parsed.data;
}

/**
 * Parses a manifest's JSON text. Throws a `ManifestError` naming the file, the entry and field,
 * what was found and the fix: a malformed file, an entry the schema refuses, a repeated id or url,
 * or an event label the `events` table does not describe.
 */
export function parseManifest(json: string, file: string): CorpusManifest {
  const manifest = parseEvalJson(json, file, corpusManifestSchema, 'the manifest', 'src/eval/corpus-manifest.ts');
  const seenIds = new Set<string>();
  const seenUrls = new Set<string>();
  manifest.articles.forEach((article, index) => {
    const field = `articles.${index}`;
    if (seenIds.has(article.id)) {
      throw new ManifestError('two articles share an id', { file, field: `${field}.id`, found: article.id, fix: 'give each article its own id' });
    }
    if (seenUrls.has(article.url)) {
      throw new ManifestError('two articles share a url', { file, field: `${field}.url`, found: article.url, fix: 'keep one entry per page' });
    }
    if (!(article.event in manifest.events)) {
      throw new ManifestError('an article names an event the manifest does not describe', {
        file,
        field: `${field}.event`,
        found: article.event,
        fix: `add "${article.event}" to \`events\` with what happened, or use one of: ${Object.keys(manifest.events).join(', ')}`,
      });
    }
    seenIds.add(article.id);
    seenUrls.add(article.url);
  });
  return manifest;
}
