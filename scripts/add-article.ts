/**
 * `npm run add -- <file> [options]`: imports one raw article (.txt, .md, .html) into
 * `content/articles/<slug>.md` with validated YAML front matter.
 *
 * It prints what it inferred from the text, what it was told, and what is still unknown; it never
 * overwrites an existing article; it says so when the same raw file was imported before. Any
 * error exits non-zero with a message that names the file and the fix.
 *
 * The repo root (for `origin:`) is the current working directory. A file from outside the repo is
 * first copied byte-for-byte into `content/raw/` so the article's origin stays in the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { ArticleConflictError, ArticleFileError, DigestError, UsageError } from '../src/errors.ts';
import { validateArticleMeta } from '../src/pipeline/article-schema.ts';
import {
  META_FIELDS,
  YAML_ONLY_MATTER,
  decodeRaw,
  importRaw,
  isValidSlug,
  rawKindOf,
  slugFor,
  type ImportResult,
  type MetaField,
  type ToldMeta,
} from '../src/pipeline/import/import-raw.ts';
import { DEFAULT_MAX_BYTES } from '../src/pipeline/ingest.ts';
import { writeArticle, writeNewFile } from '../src/io/write-article.ts';

/** A raw page may carry far more markup than text; past this it is not an article page. */
const MAX_RAW_BYTES = 10 * DEFAULT_MAX_BYTES;

const USAGE = `Usage: npm run add -- <file> [options]

Imports one raw article (.txt, .md or .html) into content/articles/<slug>.md.

Options (each overrides what the text states; what is neither stated nor given stays unknown):
  --title T            the headline
  --outlet O           who published this copy
  --published DATE     YYYY-MM-DD, or unknown
  --url U              http(s) address of the article
  --author A           the byline
  --credit C           whose reporting it is, when not the outlet's own
  --language L         BCP 47 tag, e.g. en (the build assumes en when absent)
  --slug S             file name to use instead of one made from the title
  --content-dir DIR    where articles go (default $CONTENT_DIR, else content/articles)
  -h, --help           show this help`;

const OPTIONS = {
  title: { type: 'string' },
  outlet: { type: 'string' },
  published: { type: 'string' },
  url: { type: 'string' },
  author: { type: 'string' },
  credit: { type: 'string' },
  language: { type: 'string' },
  slug: { type: 'string' },
  'content-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What one successful run did, for printing and for tests. */
interface AddOutcome {
  articlePath: string;
  origin: string;
  copiedTo?: string;
  result: ImportResult;
  earlier: string[];
  sameText: string[];
  warnings: string[];
}

function main(argv: string[]): number {
  let fileArg: string | undefined;
  try {
    const args = parseCommandLine(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    fileArg = args.file;
    const outcome = addArticle(args.file, args.told, args.slug, args.contentDir);
    report(args.file, outcome);
    return 0;
  } catch (error) {
    if (error instanceof DigestError) {
      const what = fileArg === undefined ? 'npm run add' : `Could not add ${fileArg}`;
      console.error(`${what}:\n${error.message.replace(/^/gm, '  ')}`);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
      return error instanceof UsageError ? 2 : 1;
    }
    // A failure we did not foresee (a full disk, a folder we may not write): still name the file.
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`Could not add ${fileArg ?? 'the article'}: ${(error as Error).message}`);
    console.error(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR'
      ? '  fix: make the content folder a writable folder, or pass --content-dir <a writable folder>'
      : '  fix: if this keeps happening, report it with the command you ran');
    return 1;
  }
}

interface CommandLine {
  file: string;
  told: ToldMeta;
  slug: string | undefined;
  contentDir: string;
}

/** Strict parsing: an unknown option or a missing value is a `UsageError`, never ignored. */
function parseCommandLine(argv: string[]): CommandLine | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? /(--?[\w-]+)/.exec(message)?.[1];
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    throw new UsageError(unknown ? `unknown option ${option ?? ''}`.trim() : 'bad command line', {
      file: 'command line',
      ...(option === undefined ? {} : { field: option }),
      found: unknown && option !== undefined ? option : message.split('\n')[0] ?? message,
      fix: unknown
        ? `use only the options listed below (e.g. --title "…"); to pass a value starting with "-", write --option=value`
        : 'give each option a value, e.g. --outlet "Harbor Gazette"',
    }, { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError(positionals.length === 0 ? 'no file given' : 'more than one file given', {
      file: 'command line',
      found: positionals.length === 0 ? 'no file path' : positionals.join(' '),
      fix: 'name exactly one raw article file: npm run add -- <file> [options]; run it once per file',
    });
  }
  const told: ToldMeta = {};
  for (const field of META_FIELDS) {
    const value = values[field];
    if (value !== undefined) told[field] = value;
  }
  if (values.slug !== undefined && !isValidSlug(values.slug)) {
    throw new UsageError('option --slug is not a slug', {
      file: 'command line',
      field: '--slug',
      found: JSON.stringify(values.slug),
      fix: 'use lowercase letters, digits and single hyphens, e.g. --slug harbor-strike-gazette',
    });
  }
  // CONTENT_DIR is the variable the site build and the benchmark read, so one setting points all
  // of them at the same folder. An empty value counts as unset, as shells treat it.
  const contentDir = values['content-dir'] ?? (process.env.CONTENT_DIR || path.join('content', 'articles'));
  return { file: positionals[0], told, slug: values.slug, contentDir };
}

/** Reads, imports, checks and writes one article. Everything that can fail fails before a write. */
function addArticle(fileArg: string, told: ToldMeta, slugOption: string | undefined, contentDirArg: string): AddOutcome {
  const root = process.cwd();
  const absolute = path.resolve(root, fileArg);
  const bytes = readRaw(absolute, fileArg);
  const kind = rawKindOf(absolute);
  if (kind === undefined) {
    throw new ArticleFileError('this kind of file cannot be imported', {
      file: fileArg,
      found: `the extension "${path.extname(absolute) || '(none)'}"`,
      fix: 'save the article as .txt, .md or .html and add that file',
    });
  }
  const { text, warnings } = decodeRaw(bytes, fileArg);

  const contentDir = path.resolve(root, contentDirArg);
  const inRepo = isInside(root, absolute);
  const rawCopy = inRepo ? undefined : rawCopyPath(path.join(contentDir, '..', 'raw'), absolute, bytes);
  const origin = toPosix(path.relative(root, rawCopy ?? absolute));

  const result = importRaw({ text, kind, file: fileArg, origin, told });
  const slug = slugOption ?? slugFor(result.meta.title, absolute);
  const articleText = toArticleText(result);
  checkRoundTrip(articleText, result, path.join(contentDirArg, `${slug}.md`));

  if (Buffer.byteLength(articleText) > DEFAULT_MAX_BYTES) {
    throw new ArticleFileError('the article would be too large for the build', {
      file: fileArg,
      found: `${Buffer.byteLength(articleText)} bytes of article, over the build's limit of ${DEFAULT_MAX_BYTES}`,
      fix: 'keep only the article\'s own text (remove pasted page code, comments or other articles), then add it again',
    });
  }

  const { earlier, sameText } = earlierImports(contentDir, origin, result.body);
  const articlePath = path.join(contentDir, `${slug}.md`);
  const display = toPosix(path.relative(root, articlePath));
  if (fs.existsSync(articlePath)) {
    // Checked before copying the raw file so a refused import leaves nothing behind.
    throw conflict(display, slug, earlier);
  }
  if (rawCopy !== undefined && !fs.existsSync(rawCopy)) {
    writeNewFile(rawCopy, bytes, toPosix(path.relative(root, rawCopy)));
  }
  try {
    writeArticle(contentDir, slug, articleText, toPosix(path.relative(root, contentDir)));
  } catch (error) {
    if (error instanceof ArticleConflictError) throw conflict(display, slug, earlier);
    throw error;
  }
  return {
    articlePath: display,
    origin,
    ...(rawCopy === undefined ? {} : { copiedTo: origin }),
    result,
    earlier,
    sameText,
    warnings,
  };
}

function conflict(display: string, slug: string, earlier: string[]): ArticleConflictError {
  const again = earlier.length > 0 ? ` This raw file was already imported as ${earlier.join(', ')}.` : '';
  return new ArticleConflictError(`an article with the slug \`${slug}\` already exists; it was left unchanged.${again}`, {
    file: display,
    field: 'slug',
    found: `${display} exists`,
    fix: 'pass --slug <another-slug> to import this as a separate article, or edit the existing article instead of importing again',
  });
}

function readRaw(absolute: string, fileArg: string): Uint8Array {
  try {
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) {
      throw new ArticleFileError('this is not a file', {
        file: fileArg,
        found: stat.isDirectory() ? 'a directory' : 'something other than a regular file',
        fix: 'give the path of one raw article file (.txt, .md or .html)',
      });
    }
    if (stat.size > MAX_RAW_BYTES) {
      throw new ArticleFileError('the file is too large to be one article', {
        file: fileArg,
        found: `${stat.size} bytes (the limit is ${MAX_RAW_BYTES})`,
        fix: 'save only the article (its text, or its page) and add that file',
      });
    }
    return fs.readFileSync(absolute);
  } catch (error) {
    if (error instanceof DigestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleFileError(code === 'ENOENT' ? 'the file does not exist' : 'the file cannot be read', {
      file: fileArg,
      found: code === 'ENOENT' ? `no file at ${absolute}` : `${code ?? 'an error'}: ${(error as Error).message}`,
      fix: code === 'ENOENT'
        ? 'check the path; it is read relative to the folder you run npm from (the repo root)'
        : 'check the file\'s permissions, or copy it somewhere readable',
    }, { cause: error });
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Where a raw file from outside the repo is kept: `content/raw/<name>`, or `<stem>-<hash><ext>`
 * when that name already holds different bytes, so a re-import of the same file maps to the same
 * origin (and is noticed) while a different file never replaces a kept one.
 */
function rawCopyPath(rawDir: string, absolute: string, bytes: Uint8Array): string {
  const name = path.basename(absolute);
  const plain = path.join(rawDir, name);
  if (!fs.existsSync(plain) || sameBytes(plain, bytes)) return plain;
  const ext = path.extname(name);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return path.join(rawDir, `${name.slice(0, name.length - ext.length)}-${hash}${ext}`);
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  return Buffer.from(bytes).equals(fs.readFileSync(file));
}

/**
 * Front matter by gray-matter, then the body exactly as imported. (gray-matter's stringify would
 * add a final newline to a body that lacks one; the raw text is kept as it came.)
 */
function toArticleText(result: ImportResult): string {
  // One line per field, however long the title: easier to read and to edit by hand.
  const options = { lineWidth: -1 } as matter.GrayMatterOption<string, never>;
  const header = matter.stringify('', result.frontMatter, options);
  return `${header.slice(0, -1)}${result.body}`;
}

/** What we write must read back, through the same schema the build uses, as what we meant. */
function checkRoundTrip(articleText: string, result: ImportResult, display: string): void {
  const back = matter(articleText, YAML_ONLY_MATTER);
  const validation = validateArticleMeta(back.data, display, back.matter);
  if (!validation.ok) throw validation.problems[0];
  const body = back.content;
  if (body !== result.body) {
    throw new ArticleFileError('the article would not read back as written', {
      file: display,
      found: 'the body changed when written as Markdown with front matter',
      fix: 'report this as a bug in npm run add, with the raw file attached',
    });
  }
}

/**
 * Articles already in `contentDir` (sorted) whose front matter names the same `origin`, and those
 * whose body is exactly this text: both mean the article is probably being imported twice.
 */
function earlierImports(contentDir: string, origin: string, body: string): { earlier: string[]; sameText: string[] } {
  const earlier: string[] = [];
  const sameText: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(contentDir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return { earlier, sameText };
  }
  for (const name of names) {
    const file = path.join(contentDir, name);
    const text = fs.readFileSync(file, 'utf8');
    const head = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    const value = head?.[1] === undefined ? undefined : /^origin:\s*(.+?)\s*$/m.exec(head[1])?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
    const display = toPosix(path.relative(process.cwd(), file));
    if (value === origin) earlier.push(display);
    else if (head !== null && text.slice(head[0].length) === body) sameText.push(display);
  }
  return { earlier, sameText };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

const LEFT_OUT: Partial<Record<MetaField, string>> = {
  title: 'written as unknown',
  outlet: 'written as unknown',
  published: 'written as unknown',
  language: 'left out; the build reads it as en',
};

function report(fileArg: string, outcome: AddOutcome): void {
  const { result } = outcome;
  const lines = [`Added ${outcome.articlePath} from ${fileArg}`];
  if (outcome.copiedTo !== undefined) lines.push(`  the file is outside the repo; kept a byte-for-byte copy at ${outcome.copiedTo}`);
  lines.push(`  origin: ${outcome.origin}`);
  const inferred = Object.entries(result.inferred);
  lines.push(inferred.length === 0 ? '  inferred: nothing' : '  inferred:');
  for (const [field, found] of inferred) lines.push(`    ${field}: ${JSON.stringify(found.value)} (from ${found.from})`);
  const told = Object.entries(result.told);
  lines.push(told.length === 0 ? '  told: nothing' : '  told:');
  for (const [field, value] of told) lines.push(`    ${field}: ${JSON.stringify(value)}`);
  lines.push(result.unknown.length === 0 ? '  unknown: nothing' : '  unknown:');
  for (const field of result.unknown) lines.push(`    ${field} (${LEFT_OUT[field] ?? 'left out'})`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  console.log(lines.join('\n'));
  for (const warning of outcome.warnings) console.error(`warning: ${warning}`);
  if (outcome.earlier.length > 0) {
    console.error(
      `warning: ${outcome.origin} was imported before, as ${outcome.earlier.join(', ')}; ` +
        `${outcome.articlePath} is a second article from the same file. Delete one of them unless both are meant to stay.`,
    );
  }
  if (outcome.sameText.length > 0) {
    console.error(
      `warning: ${outcome.articlePath} has exactly the text of ${outcome.sameText.join(', ')}; ` +
        'if it is the same article from another file, delete one of them.',
    );
  }
}

process.exitCode = main(process.argv.slice(2));
