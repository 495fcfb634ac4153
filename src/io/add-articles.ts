/**
 * The file-system half of `npm run add`: reads raw files (and the files of a folder), keeps a
 * byte-for-byte copy of a file from outside the repo in `content/raw/`, and writes each article
 * into the content folder without ever overwriting one. The pure half is
 * `src/pipeline/import/import-raw.ts`; `scripts/add-article.ts` parses the command line and
 * prints the reports.
 *
 * Slugs: an article is named after its headline. When that name is taken by a different
 * article (another report with the same headline) it gets the next free `-2`, `-3`… and a notice
 * says so; when it is taken by the same article (identical raw bytes, or identical text) the
 * import is refused, so importing a file twice never makes a duplicate.
 *
 * The content folder is read once per run (`openContentIndex`) and the index kept up to date as
 * articles are written, so a run of many files does not reread the folder for each one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ArticleConflictError, ArticleFileError, DigestError } from '../errors.ts';
import { validateArticleMeta } from '../pipeline/article-schema.ts';
import { DEFAULT_MAX_BYTES } from '../pipeline/ingest.ts';
import {
  YAML_ONLY_MATTER,
  decodeRaw,
  importRaw,
  rawKindOf,
  slugFor,
  type ImportResult,
  type ToldMeta,
} from '../pipeline/import/import-raw.ts';
import { writeArticle, writeNewFile } from './write-article.ts';

/** A raw page may carry far more markup than text; past this it is not an article page. */
export const MAX_RAW_BYTES = 10 * DEFAULT_MAX_BYTES;

/** How to add: the same for every file of a run. */
export interface AddOptions {
  /** The repo root: origins are relative to it, files outside it are copied into `content/raw/`. */
  root: string;
  /** The content folder (absolute). */
  contentDir: string;
  /** Values told on the command line. */
  told: ToldMeta;
  /** The slug to use instead of one made from the title (one file only). */
  slug?: string;
  /** Import a page even when no whole article was found in it. */
  force?: boolean;
}

/** What adding one file did, for the report. */
export interface AddOutcome {
  /** Repo-relative path of the article written. */
  articlePath: string;
  origin: string;
  /** Set when the raw file was copied into the repo first. */
  copiedTo?: string;
  result: ImportResult;
  /** Articles imported before from the same origin. */
  earlier: string[];
  /** Articles with exactly the same body. */
  sameText: string[];
  /** Decoding warnings (a legacy encoding). */
  warnings: string[];
  /** Set when the headline's slug was taken by a different article: which, and the slug used. */
  renamed?: { taken: string; slug: string };
}

/** One article already in the content folder, as far as `add` needs to know it. */
interface KnownArticle {
  /** Repo-relative path. */
  display: string;
  origin?: string;
  /** SHA-256 of the body, to spot the same text. */
  bodyHash: string;
}

/** The articles already in a content folder, by slug. */
export interface ContentIndex {
  contentDir: string;
  articles: Map<string, KnownArticle>;
}

/** Reads every article in `contentDir` once (a missing folder is an empty one). */
export function openContentIndex(contentDir: string, root: string): ContentIndex {
  const articles = new Map<string, KnownArticle>();
  let names: string[] = [];
  try {
    names = fs.readdirSync(contentDir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    // No folder yet: the first add creates it.
  }
  for (const name of names) {
    const known = readKnown(path.join(contentDir, name), root);
    if (known !== undefined) articles.set(name.slice(0, -3), known);
  }
  return { contentDir, articles };
}

/**
 * Reads, imports, checks and writes one article; everything that can fail fails before a write.
 * Throws a `DigestError` naming `fileArg` (as the editor typed it) for anything wrong with it.
 */
export function addArticle(fileArg: string, options: AddOptions, index: ContentIndex): AddOutcome {
  const { root } = options;
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

  const contentDir = options.contentDir;
  const inRepo = isInside(root, absolute);
  const rawCopy = inRepo ? undefined : rawCopyPath(path.join(contentDir, '..', 'raw'), absolute, bytes);
  const origin = toPosix(path.relative(root, rawCopy ?? absolute));

  const result = importRaw({ text, kind, file: fileArg, origin, told: options.told, force: options.force === true });
  const articleText = toArticleText(result);
  const baseSlug = options.slug ?? slugFor(result.meta.title, absolute);
  checkRoundTrip(articleText, result, toPosix(path.join(path.relative(root, contentDir), `${baseSlug}.md`)));
  if (Buffer.byteLength(articleText) > DEFAULT_MAX_BYTES) {
    throw new ArticleFileError('the article would be too large for the build', {
      file: fileArg,
      found: `${Buffer.byteLength(articleText)} bytes of article, over the build's limit of ${DEFAULT_MAX_BYTES}`,
      fix: 'keep only the article\'s own text (remove pasted page code, comments or other articles), then add it again',
    });
  }

  const bodyHash = sha256(result.body);
  const rawHash = sha256(bytes);
  const earlier: string[] = [];
  const sameText: string[] = [];
  for (const known of index.articles.values()) {
    if (known.origin === origin) earlier.push(known.display);
    else if (known.bodyHash === bodyHash) sameText.push(known.display);
  }

  const displayDir = toPosix(path.relative(root, contentDir));
  let copied = false;
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? baseSlug : `${baseSlug}-${n}`;
    const articlePath = path.join(contentDir, `${slug}.md`);
    const display = toPosix(path.relative(root, articlePath));
    const taken = index.articles.get(slug) ?? (fs.existsSync(articlePath) ? readKnown(articlePath, root) : undefined);
    if (taken !== undefined) {
      // The same article again is refused; an explicit --slug is never renamed.
      if (options.slug !== undefined || isSameArticle(taken, rawHash, bodyHash, root)) throw conflict(taken.display, slug, earlier, options.slug !== undefined);
      index.articles.set(slug, taken);
      continue;
    }
    // Checked before copying the raw file, so a refused import leaves nothing behind.
    if (!copied && rawCopy !== undefined && !fs.existsSync(rawCopy)) {
      writeNewFile(rawCopy, bytes, toPosix(path.relative(root, rawCopy)));
      copied = true;
    }
    try {
      writeArticle(contentDir, slug, articleText, displayDir);
    } catch (error) {
      const now = error instanceof ArticleConflictError ? readKnown(articlePath, root) : undefined;
      if (now === undefined) throw error;
      // Another add took this name a moment ago: look at it again, as at any taken name.
      index.articles.set(slug, now);
      n -= 1;
      continue;
    }
    index.articles.set(slug, { display, origin, bodyHash });
    const baseDisplay = toPosix(path.relative(root, path.join(contentDir, `${baseSlug}.md`)));
    return {
      articlePath: display,
      origin,
      ...(rawCopy === undefined ? {} : { copiedTo: origin }),
      result,
      earlier,
      sameText,
      warnings,
      ...(n === 1 ? {} : { renamed: { taken: baseDisplay, slug } }),
    };
  }
}

/** The same article: its raw file has exactly these bytes, or its body exactly this text. */
function isSameArticle(known: KnownArticle, rawHash: string, bodyHash: string, root: string): boolean {
  if (known.bodyHash === bodyHash) return true;
  if (known.origin === undefined) return false;
  try {
    return sha256(fs.readFileSync(path.resolve(root, known.origin))) === rawHash;
  } catch {
    return false;
  }
}

/** One article file as the index keeps it; `undefined` if it cannot be read. */
function readKnown(file: string, root: string): KnownArticle | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const head = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const origin = head?.[1] === undefined ? undefined : /^origin:\s*(.+?)\s*$/m.exec(head[1])?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
  const body = head === null ? text : text.slice(head[0].length);
  return { display: toPosix(path.relative(root, file)), ...(origin === undefined ? {} : { origin }), bodyHash: sha256(body) };
}

function conflict(display: string, slug: string, earlier: string[], explicit: boolean): ArticleConflictError {
  const again = earlier.length > 0 ? ` This raw file was already imported as ${earlier.join(', ')}.` : '';
  return new ArticleConflictError(
    explicit
      ? `an article with the slug \`${slug}\` already exists; it was left unchanged.${again}`
      : `this article already exists as \`${slug}\` (the same file or the same text); it was left unchanged.${again}`,
    {
      file: display,
      field: 'slug',
      found: `${display} exists`,
      fix: 'edit the existing article instead of importing it again, or pass --slug <another-slug> to keep a second copy on purpose',
    },
  );
}

/**
 * The files to import for the paths given: a file as it is; a folder's files (not its
 * subfolders: a browser saves a page's images into `<page>_files/` beside it), sorted, skipping
 * hidden files. Files of a folder that `add` cannot read are listed in `skipped`, not imported.
 */
export function expandInputs(paths: string[], root: string): { files: string[]; skipped: { file: string; reason: string }[] } {
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const given of paths) {
    let isFolder = false;
    try {
      isFolder = fs.statSync(path.resolve(root, given)).isDirectory();
    } catch {
      // Missing paths are reported when they are read, with the file named.
    }
    if (!isFolder) {
      files.push(given);
      continue;
    }
    const entries = fs.readdirSync(path.resolve(root, given), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(given, entry.name);
      if (entry.isDirectory()) skipped.push({ file, reason: 'a folder inside the folder (add it by name to import its files)' });
      else if (rawKindOf(entry.name) === undefined) skipped.push({ file, reason: 'not a .txt, .md or .html file' });
      else files.push(file);
    }
  }
  return { files, skipped };
}

function readRaw(absolute: string, fileArg: string): Uint8Array {
  try {
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) {
      throw new ArticleFileError('this is not a file', {
        file: fileArg,
        found: 'something other than a regular file or a folder',
        fix: 'give the path of a raw article file (.txt, .md or .html), or of a folder of them',
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
  if (!fs.existsSync(plain) || Buffer.from(bytes).equals(fs.readFileSync(plain))) return plain;
  const ext = path.extname(name);
  return path.join(rawDir, `${name.slice(0, name.length - ext.length)}-${sha256(bytes).slice(0, 12)}${ext}`);
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
  if (back.content !== result.body) {
    throw new ArticleFileError('the article would not read back as written', {
      file: display,
      found: 'the body changed when written as Markdown with front matter',
      fix: 'report this as a bug in npm run add, with the raw file attached',
    });
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
