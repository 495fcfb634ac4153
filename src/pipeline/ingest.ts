/**
 * The ingest stage: content files (raw bytes) → validated `Article`s, plus an account of every file.
 *
 * Every file ends up in exactly one place: an article, the `excluded` list (files that are not
 * content, with the reason), or at least one problem naming it. All problems from all files are
 * collected in one pass so an editor can fix everything at once; problems fail the build, warnings
 * (a legacy encoding, a duplicate kept as a syndicated copy, a non-English article) do not.
 *
 * Very large files are refused, not truncated: a cut-off article would be published as if it were
 * whole, and a multi-megabyte "article" is almost always a pasted page or a wrong file.
 *
 * Decoding, front-matter parsing and validation depend on nothing but the file's bytes and path, so
 * a clean file's article can come from an injected `IngestCache` on the next build; only the two
 * checks that read the options (size limit, far-future date) are made again on a hit. Files with a
 * problem or a warning are always parsed afresh, so every message is exactly what a full run gives.
 */
import { createHash, hash } from 'node:crypto';
import matter from 'gray-matter';
import { ArticleConflictError, ArticleFileError, DigestError, FrontMatterError, OptionError, assertInRange } from '../errors.ts';
import type { Article, ArticleFile, ExcludedFile, IsoDate } from '../types.ts';
import { isCalendarDate, validateArticleMeta } from './article-schema.ts';
import { fileCacheKey } from './cache-key.ts';
import { decodeText } from './decode-text.ts';
import { createMemoryCache, memoizeByText, type KeyValueCache } from './memory-cache.ts';
import { SLUG_LENGTH_LIMIT, slugify } from './slugify.ts';
import { isStopWord, words } from './text-features.ts';

/** Options of `ingestArticles`. */
export interface IngestOptions {
  /**
   * The build's date (`YYYY-MM-DD`), injected by the CLI (the real date, or SOURCE_DATE_EPOCH).
   * Articles dated more than `FUTURE_GRACE_DAYS` after it are refused. Absent: no future check.
   */
  today?: IsoDate;
  /** Largest accepted file, in bytes (default `DEFAULT_MAX_BYTES`, 1 MB). */
  maxBytes?: number;
}

/** What ingest made of the files. */
export interface IngestResult {
  /** Valid articles, sorted by id. */
  articles: Article[];
  /** Problems that fail the build, sorted by file then line. */
  problems: DigestError[];
  /** Problems the build goes on past, sorted by file then line. */
  warnings: DigestError[];
  /** Files in the content folder that are not articles, with the reason; sorted by file. */
  excluded: ExcludedFile[];
}

/**
 * What ingest keeps per clean file (no problem, no warning): the article, the front matter's raw
 * `published` value as the far-future check reads it (null when it is not a string), so a hit can
 * be checked against a later build's date, and the hash the duplicate-text check compares.
 */
export interface CachedIngest {
  article: Article;
  published: string | null;
  bodyKey: string;
}

/** A key–value store for per-file ingest results. `get` returns undefined on a miss. */
export type IngestCache = KeyValueCache<CachedIngest>;

/** The cache key of a content file (see `fileCacheKey`). */
export function ingestCacheKey(file: ArticleFile): string {
  return fileCacheKey(hash('sha256', file.bytes), file.path);
}

/** An `IngestCache` in memory (see `createMemoryCache`), for tests and in-process builds. */
export function createMemoryIngestCache(): IngestCache & { readonly size: number } {
  return createMemoryCache<CachedIngest>();
}

/**
 * Default size limit, 1 MB: several times the longest news feature (~150 KB), and low enough that a
 * pasted page dump is refused before the later stages spend minutes on it (measured: aligning one
 * 400 KB article took 25 s, and that cost grows with the square of its sentences).
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** A date this many days after `today` is still accepted (time zones, embargoed copies). */
export const FUTURE_GRACE_DAYS = 2;

/** Below this share of common English words, a text marked `en` is flagged (English prose: ~35–50%). */
const MIN_ENGLISH_STOP_SHARE = 0.15;

/** Fewer words than this are too few to judge a text's language. */
const MIN_WORDS_FOR_LANGUAGE = 40;

/** gray-matter runs `---js` front matter through eval(); every non-YAML engine is refused. */
const refuseEngine = (language: string) => () => {
  throw new Error(`front matter in ${language} is not accepted`);
};
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: Object.fromEntries(
    ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [name, refuseEngine(name)]),
  ),
};

/**
 * Parses and validates every file of the content folder. Takes the files as read from disk (any
 * order) and returns the articles, the problems, the warnings and the excluded files; never throws
 * for bad input. Throws an `OptionError` when an option is out of range. `cache` holds clean files'
 * results from earlier builds; with or without it the result is the same.
 */
export function ingestArticles(files: ArticleFile[], options: IngestOptions = {}, cache?: IngestCache): IngestResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  assertInRange('ingest', 'maxBytes', maxBytes, 1, Number.MAX_SAFE_INTEGER);
  if (options.today !== undefined && !isCalendarDate(options.today)) {
    throw new OptionError('option `today` is not a date', {
      file: 'ingest',
      field: 'today',
      found: JSON.stringify(options.today),
      fix: 'pass the build date as YYYY-MM-DD',
    });
  }

  const result: IngestResult = { articles: [], problems: [], warnings: [], excluded: [] };
  const bodyKeys = new Map<Article, string>();
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
  for (const file of sorted) {
    const reason = exclusionReason(file.path);
    if (reason !== undefined) {
      result.excluded.push({ file: file.path, reason });
      continue;
    }
    const one = cachedIngestFile(file, maxBytes, options.today, cache);
    result.problems.push(...one.problems);
    result.warnings.push(...one.warnings);
    if (one.article !== undefined && one.problems.length === 0) {
      result.articles.push(one.article);
      if (one.bodyKey !== undefined) bodyKeys.set(one.article, one.bodyKey);
    }
  }

  const clashes = slugClashes(sorted.filter((f) => exclusionReason(f.path) === undefined).map((f) => f.path));
  result.problems.push(...clashes);
  // A file with a problem is accounted for by that problem, never also as an article.
  const clashing = new Set(clashes.map((p) => p.file));
  result.articles = result.articles.filter((a) => !clashing.has(a.file));
  result.warnings.push(...duplicateBodies(result.articles, bodyKeys));
  result.articles.sort((a, b) => compareText(a.id, b.id) || compareText(a.file, b.file));
  result.problems.sort(compareProblems);
  result.warnings.sort(compareProblems);
  return result;
}

/** Why a file in the content folder is not an article, or undefined when it should be one. */
function exclusionReason(path: string): string | undefined {
  const name = baseName(path);
  if (/\.md$/i.test(name) && name.length > 3) return undefined;
  if (name === '.gitkeep') return 'a placeholder that keeps the folder in git, not an article';
  if (name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini') {
    return 'a file the operating system writes, not an article; it can be deleted';
  }
  return 'not a .md content file; import it with npm run add';
}

interface FileOutcome {
  article?: Article;
  problems: DigestError[];
  warnings: DigestError[];
  /** The raw `published` value the far-future check read, when it was a string. */
  published?: string;
  /** The article's `bodyKey`, when already known. */
  bodyKey?: string;
}

/**
 * `ingestFile`, served from `cache` when the file is unchanged and still passes the checks that
 * depend on the options; a clean outcome is stored.
 */
function cachedIngestFile(file: ArticleFile, maxBytes: number, today: IsoDate | undefined, cache: IngestCache | undefined): FileOutcome {
  if (cache === undefined) return ingestFile(file, maxBytes, today);
  const contentHash = hash('sha256', file.bytes);
  const key = fileCacheKey(contentHash, file.path);
  const hit = cache.get(key);
  if (
    hit !== undefined &&
    typeof hit.article === 'object' &&
    hit.article !== null &&
    typeof hit.bodyKey === 'string' &&
    file.bytes.byteLength <= maxBytes &&
    futureLimit(typeof hit.published === 'string' ? hit.published : undefined, today) === undefined
  ) {
    return { article: hit.article, problems: [], warnings: [], bodyKey: hit.bodyKey };
  }
  const one = ingestFile(file, maxBytes, today, contentHash);
  if (one.article !== undefined && one.problems.length === 0 && one.warnings.length === 0) {
    const bodyKey = bodyKeyOf(one.article);
    cache.set(key, { article: one.article, published: one.published ?? null, bodyKey });
    return { ...one, bodyKey };
  }
  return one;
}

/** `today` plus the grace days; computed once per build date, not once per file. */
const latestAccepted = memoizeByText((today: IsoDate) => addDays(today, FUTURE_GRACE_DAYS), 16);

/** The latest accepted date when `published` is a calendar date past it, else undefined. */
function futureLimit(published: string | undefined, today: IsoDate | undefined): IsoDate | undefined {
  if (today === undefined || published === undefined || !isCalendarDate(published)) return undefined;
  const latest = latestAccepted(today);
  return published > latest ? latest : undefined;
}

/** Decodes, parses and checks one file; `contentHash` is the SHA-256 of its bytes when already known. */
function ingestFile(file: ArticleFile, maxBytes: number, today: IsoDate | undefined, contentHash?: string): FileOutcome {
  const path = file.path;
  const problems: DigestError[] = [];
  const warnings: DigestError[] = [];
  const size = file.bytes.byteLength;

  if (size > maxBytes) {
    problems.push(
      new ArticleFileError(`the file is too large: ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}`, {
        file: path,
        found: `${size} bytes`,
        fix: 'keep only the article\'s own text (a news article is rarely over 100 KB: remove pasted page code, comments or other articles); if it really is this long, raise `maxBytes`',
      }),
    );
    return { problems, warnings };
  }

  const decoded = decodeText(file.bytes, path);
  if (!decoded.ok) return { problems: [decoded.problem], warnings };
  warnings.push(...decoded.warnings);
  const text = decoded.text.replace(/\r\n?/g, '\n');

  if (text.trim() === '') {
    problems.push(
      new ArticleFileError('the file is empty', {
        file: path,
        found: size === 0 ? 'no bytes at all' : 'only blank space',
        fix: 'delete the file, or import the article with `npm run add <raw file>`',
      }),
    );
    return { problems, warnings };
  }

  const parsed = parseFrontMatter(text, path);
  if ('problem' in parsed) return { problems: [parsed.problem], warnings };

  const { data, fieldLines, bodyLine, body } = parsed;
  const validation = validateArticleMeta(data, path, fieldLines.join('\n'));
  if (!validation.ok) problems.push(...validation.problems);

  // Checked on the raw value too, so a far-future date is reported even when other fields fail.
  const published = typeof data['published'] === 'string' ? data['published'].trim() : undefined;
  const latest = futureLimit(published, today);
  if (latest !== undefined) {
    problems.push(
      new FrontMatterError('field `published` is in the future', {
        file: path,
        ...lineOfField(fieldLines, 'published'),
        field: 'published',
        found: `${published}, after ${latest} (the build date ${today} plus ${FUTURE_GRACE_DAYS} days)`,
        fix: 'correct the date (a typo in the year?), or write `published: unknown` if the article does not state it',
      }),
    );
  }

  if (body.trim() === '') {
    problems.push(
      new ArticleFileError('the article has no text after its front matter', {
        file: path,
        line: bodyLine,
        found: body === '' ? 'nothing after the closing `---`' : 'only blank space after the closing `---`',
        fix: 'paste the article\'s text below the front matter, or delete the file',
      }),
    );
  }

  // macOS stores file names decomposed (NFD); compose them so the same name gives the same id everywhere.
  const id = baseName(path).replace(/\.md$/i, '').normalize('NFC');
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(id)) {
    problems.push(
      new ArticleFileError('the file name cannot be used as a web address (slug)', {
        file: path,
        found: JSON.stringify(id),
        fix: `rename the file to \`${suggestSlug(id)}.md\`: letters, digits and hyphens only`,
      }),
    );
  }

  if (problems.length > 0 || !validation.ok) return { problems, warnings };

  warnings.push(...languageWarnings(path, validation.meta.language, body, fieldLines));
  return {
    article: {
      id,
      file: path,
      meta: validation.meta,
      body,
      contentHash: contentHash ?? hash('sha256', file.bytes),
    },
    problems,
    warnings,
    ...(published === undefined ? {} : { published }),
  };
}

type ParsedFrontMatter =
  | { data: Record<string, unknown>; fieldLines: string[]; bodyLine: number; body: string }
  | { problem: FrontMatterError };

/**
 * Splits `text` into front matter and body and parses the YAML with gray-matter. Lines are counted
 * from the file's first line: the opening `---` is line 1, the first field line 2.
 */
function parseFrontMatter(text: string, file: string): ParsedFrontMatter {
  const lines = text.split('\n');
  const opener = lines[0] ?? '';
  if (!/^---[ \t]*$/.test(opener)) {
    if (/^---/.test(opener)) {
      return {
        problem: new FrontMatterError('front matter must be YAML', {
          file,
          line: 1,
          found: JSON.stringify(opener.slice(0, 40)),
          fix: 'open the front matter with a line of just `---` and write its fields in YAML',
        }),
      };
    }
    return {
      problem: new FrontMatterError('the file has no front matter', {
        file,
        line: 1,
        found: `the first line is ${JSON.stringify(opener.slice(0, 60))}, not \`---\``,
        fix: 'start the file with a `---` block of fields (title, outlet, published, origin…), or import the raw text with `npm run add <file>`, which writes it',
      }),
    };
  }
  const closeIndex = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  if (closeIndex === -1) {
    return {
      problem: new FrontMatterError('the front matter is never closed', {
        file,
        line: 1,
        found: 'an opening `---` line and no closing `---` line',
        fix: 'add a line of just `---` after the last field, before the article\'s text',
      }),
    };
  }

  const fieldLines = lines.slice(1, closeIndex);
  // gray-matter closes at the first line starting with `---`; hand it exactly the block found above.
  const block = `---\n${fieldLines.join('\n')}\n---\n`;
  let data: unknown;
  try {
    data = matter(block, MATTER_OPTIONS).data;
  } catch (error) {
    return { problem: yamlProblem(error, file, fieldLines) };
  }
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) {
    return {
      problem: new FrontMatterError('the front matter is not a list of `field: value` lines', {
        file,
        line: 2,
        found: Array.isArray(data) ? 'a YAML list' : `a single value ${previewValue(data instanceof Date ? data.toISOString() : data)}`,
        fix: 'write one `field: value` per line (title, outlet, published, origin…)',
      }),
    };
  }
  const record = { ...(data as Record<string, unknown>) };
  restateDate(record, fieldLines);
  return {
    data: record,
    fieldLines,
    bodyLine: closeIndex + 2,
    body: lines.slice(closeIndex + 1).join('\n'),
  };
}

/** A YAML exception (or anything else the parser threw) as a problem with the file's line. */
function yamlProblem(error: unknown, file: string, fieldLines: string[]): FrontMatterError {
  if (error instanceof RangeError) {
    // js-yaml recurses per nesting level; thousands of `[` or `{` exhaust the stack before it can report a line.
    const index = fieldLines.findIndex((l) => /[[{]{32}/.test(l));
    return new FrontMatterError(
      'the front matter is nested too deeply to read',
      {
        file,
        ...(index === -1 ? {} : { line: index + 2 }),
        found: 'brackets or indentation nested thousands of levels deep',
        fix: 'write each field as a plain `field: value` line',
      },
      { cause: error },
    );
  }
  const mark = (error as { mark?: { line?: unknown } } | null)?.mark;
  const reason = (error as { reason?: unknown } | null)?.reason;
  // The block handed to gray-matter starts with the opening `---`, so YAML's 0-based line is the file's 1-based line minus one.
  let line = typeof mark?.line === 'number' ? mark.line + 1 : undefined;
  // An unclosed quote is only noticed at the end of the block; point at the line that opened it instead.
  if (typeof reason === 'string' && /end of the stream within a (?:single|double) quoted scalar/.test(reason)) {
    line = unclosedQuoteLine(fieldLines) ?? line;
  }
  const what = typeof reason === 'string' ? reason : error instanceof Error ? error.message.split('\n')[0] : String(error);
  const text = line === undefined ? undefined : fieldLines[line - 2];
  const quoted = text === undefined ? '' : `, in the line ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`;
  return new FrontMatterError('the front matter is not valid YAML', {
    file,
    ...(line === undefined ? {} : { line }),
    found: `${what ?? 'unreadable YAML'}${quoted}`,
    fix: 'check that line: write `field: value`, put a value that contains `: `, `#` or starts with a quote or bracket in "double quotes", and close every quote and bracket',
    },
    { cause: error },
  );
}

/** The file line of the first `field: "value` whose quote is not closed on its own line. */
function unclosedQuoteLine(fieldLines: string[]): number | undefined {
  const index = fieldLines.findIndex((line) => {
    const value = /^[^#:]+:\s*(["'])(.*)$/.exec(line);
    if (value === null) return false;
    const [, quote, rest = ''] = value;
    const unescaped = quote === '"' ? rest.replace(/\\./g, '') : rest.replace(/''/g, '');
    return !unescaped.includes(quote ?? '"');
  });
  return index === -1 ? undefined : index + 2;
}

/**
 * YAML reads an unquoted `2026-02-30` as a Date and silently rolls it over to March 2. Put back the
 * date as written so the schema can refuse an impossible day, and keep the stated calendar day of a
 * timestamp rather than its UTC day.
 */
function restateDate(record: Record<string, unknown>, fieldLines: string[]): void {
  if (!(record['published'] instanceof Date)) return;
  const line = fieldLines.find((l) => /^published\s*:/.test(l));
  if (line === undefined) return;
  const raw = line.replace(/^published\s*:\s*/, '').replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
  const day = raw.slice(0, 10);
  record['published'] = isCalendarDate(day) && (raw.length === 10 || /^[Tt ]/.test(raw.slice(10))) ? day : raw;
}

/** Warnings when an article is not in English or does not read like English although marked `en`. */
function languageWarnings(file: string, language: string, body: string, fieldLines: string[]): DigestError[] {
  const where = { file, ...lineOfField(fieldLines, 'language'), field: 'language' };
  if (!/^en(?:-|$)/i.test(language)) {
    return [
      new FrontMatterError(`the article is marked as language \`${language}\`, not English`, {
        ...where,
        found: `language: ${language}`,
        fix: 'nothing to do if that is right: it is kept as a source, and only matched with articles in its language; otherwise set `language: en`',
      }),
    ];
  }
  const tokens = words(body).filter((w) => /^\p{L}+$/u.test(w));
  if (tokens.length < MIN_WORDS_FOR_LANGUAGE) return [];
  const share = tokens.filter((w) => isStopWord(w)).length / tokens.length;
  if (share >= MIN_ENGLISH_STOP_SHARE) return [];
  return [
    new FrontMatterError('the article is marked English but does not read like English', {
      ...where,
      found: `${Math.round(share * 100)}% of its ${tokens.length} words are common English words (English prose has 35–50%)`,
      fix: 'set `language:` to the article\'s language (e.g. `language: de`), or check that the file holds the article you meant',
    }),
  ];
}

/** One problem per file whose slug (file name without `.md`, compared without case) another file already has. */
function slugClashes(paths: string[]): ArticleConflictError[] {
  const bySlug = new Map<string, string[]>();
  for (const path of paths) {
    const slug = baseName(path).replace(/\.md$/i, '').normalize('NFC').toLowerCase();
    const group = bySlug.get(slug);
    if (group === undefined) bySlug.set(slug, [path]);
    else group.push(path);
  }
  const problems: ArticleConflictError[] = [];
  for (const [slug, group] of bySlug) {
    const [first, ...rest] = group;
    for (const path of rest) {
      problems.push(
        new ArticleConflictError(`two articles have the same slug \`${slug}\``, {
          file: path,
          found: `${path} and ${first} both give the slug \`${slug}\` (file names are compared without case)`,
          fix: `rename one of the files; every article needs its own file name`,
        }),
      );
    }
  }
  return problems;
}

/** What two articles with the same text share: a hash of the body, composed and trimmed. */
function bodyKeyOf(article: Article): string {
  return createHash('sha256').update(article.body.normalize('NFC').trim()).digest('hex');
}

/**
 * A warning per article whose body is exactly another article's: kept, later marked as a syndicated
 * copy. The earliest-dated one (then the first by id) is taken for the original, the others for
 * copies. `known` holds body keys already computed (from the cache).
 */
function duplicateBodies(articles: Article[], known: ReadonlyMap<Article, string>): ArticleFileError[] {
  const firstByBody = new Map<string, Article>();
  const warnings: ArticleFileError[] = [];
  const dated = (a: Article) => (a.meta.published === 'unknown' ? '\uffff' : a.meta.published);
  const order = [...articles].sort((a, b) => compareText(dated(a), dated(b)) || compareText(a.id, b.id) || compareText(a.file, b.file));
  for (const article of order) {
    const key = known.get(article) ?? bodyKeyOf(article);
    const first = firstByBody.get(key);
    if (first === undefined) {
      firstByBody.set(key, article);
      continue;
    }
    warnings.push(
      new ArticleFileError(`the article's text is an exact copy of ${first.file}`, {
        file: article.file,
        found: `the same text as ${first.file}`,
        fix: 'nothing to do if it is a syndicated copy: it is kept and counted once; otherwise delete one of the two files',
      }),
    );
  }
  return warnings;
}

/** The 1-based file line of `field:` among the front-matter lines (which start at line 2). */
function lineOfField(fieldLines: string[], field: string): { line?: number } {
  const index = fieldLines.findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? {} : { line: index + 2 };
}

function addDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A file name to suggest for an unusable one: a slug made the way `npm run add` makes them. */
function suggestSlug(id: string): string {
  return slugify(id, { maxLength: SLUG_LENGTH_LIMIT, fallback: 'article' });
}

/** "1.2 MB (1,258,291 bytes)": readable, and exact so a size just over the limit does not read as equal to it. */
function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB (${exact})`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB (${exact})`;
  return exact;
}

function previewValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareProblems(a: DigestError, b: DigestError): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.message, b.message);
}
