/**
 * `npm run add -- <file|folder>… [options]`: imports raw articles (.txt, .md, .html) into
 * `content/articles/<slug>.md` with validated YAML front matter.
 *
 * Each file gets its own report: what was inferred from it, what was told, what is still unknown.
 * A file that fails is reported (the file, what was found, the fix) and the run goes on with the
 * next; the exit code is non-zero if any failed. A folder stands for its files (not its
 * subfolders). An existing article is never overwritten; a different article with the same
 * headline gets the next free slug (`-2`, `-3`) with a notice; the same article again is refused.
 *
 * The repo root (for `origin:`) is the current working directory. A file from outside the repo is
 * first copied byte-for-byte into `content/raw/` so the article's origin stays in the repo. The
 * work itself is in `src/io/add-articles.ts` and `src/pipeline/import/`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DigestError, UsageError } from '../src/errors.ts';
import { addArticle, expandInputs, openContentIndex, type AddOptions, type AddOutcome } from '../src/io/add-articles.ts';
import { META_FIELDS, checkTold, isValidSlug, type MetaField, type ToldMeta } from '../src/pipeline/import/import-raw.ts';

const USAGE = `Usage: npm run add -- <file|folder>… [options]

Imports raw articles (.txt, .md or .html) into content/articles/<slug>.md, each with its own report.
A folder stands for the article files in it. A saved web page is imported as its article; when no
whole article is found in it, the page is refused (see --force).

Options (each overrides what the text states; what is neither stated nor given stays unknown):
  --title T            the headline (one file only)
  --outlet O           who published this copy
  --published DATE     YYYY-MM-DD, or unknown
  --url U              http(s) address of the article (one file only)
  --author A           the byline
  --credit C           whose reporting it is, when not the outlet's own
  --language L         BCP 47 tag, e.g. en (the build assumes en when absent)
  --slug S             file name to use instead of one made from the title (one file only)
  --force              import a page even when no whole article was found in it
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
  force: { type: 'boolean' },
  'content-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options that name one article, so they cannot apply to several files. */
const ONE_ARTICLE = ['title', 'url', 'slug'] as const;

function main(argv: string[]): number {
  let args: CommandLine | 'help';
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof DigestError)) throw error;
    console.error(`npm run add:\n${error.message.replace(/^/gm, '  ')}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const root = process.cwd();
  const { files, skipped } = expandInputs(args.paths, root);
  for (const { file, reason } of skipped) console.error(`skipped ${file}: ${reason}`);
  if (files.length === 0) {
    console.error(`npm run add: no article files in ${args.paths.join(', ')}\n  fix: give .txt, .md or .html files, or a folder that holds some`);
    return 2;
  }
  if (files.length > 1) {
    const told = ONE_ARTICLE.filter((option) => (option === 'slug' ? args.options.slug : args.options.told[option]) !== undefined);
    if (told.length > 0) {
      const error = new UsageError(`--${told[0]} names one article, and ${files.length} files were given`, {
        file: 'command line',
        field: `--${told[0]}`,
        found: `${files.length} files: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`,
        fix: `add the files one at a time to give each its own --${told.join(', --')}, or leave the option out`,
      });
      console.error(`npm run add:\n${error.message.replace(/^/gm, '  ')}`);
      return 2;
    }
  }

  const index = openContentIndex(args.options.contentDir, root);
  const failed: string[] = [];
  for (const file of files) {
    try {
      report(file, addArticle(file, args.options, index));
    } catch (error) {
      failed.push(file);
      reportFailure(file, error);
    }
  }
  if (files.length > 1) {
    const added = files.length - failed.length;
    console.log(`\n${added} of ${files.length} files added${failed.length === 0 ? '' : `; ${failed.length} failed: ${failed.join(', ')}`}`);
  }
  return failed.length === 0 ? 0 : 1;
}

function reportFailure(file: string, error: unknown): void {
  if (error instanceof DigestError) {
    console.error(`Could not add ${file}:\n${error.message.replace(/^/gm, '  ')}`);
    return;
  }
  // A failure we did not foresee (a full disk, a folder we may not write): still name the file.
  const code = (error as NodeJS.ErrnoException).code;
  console.error(`Could not add ${file}: ${(error as Error).message}`);
  console.error(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR'
    ? '  fix: make the content folder a writable folder, or pass --content-dir <a writable folder>'
    : '  fix: if this keeps happening, report it with the command you ran');
}

interface CommandLine {
  paths: string[];
  options: AddOptions;
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
  if (positionals.length === 0) {
    throw new UsageError('no file given', {
      file: 'command line',
      found: 'no file path',
      fix: 'name the raw article files, or a folder of them: npm run add -- <file|folder>… [options]',
    });
  }
  const told: ToldMeta = {};
  for (const field of META_FIELDS) {
    const value = values[field];
    if (value !== undefined) told[field] = value;
  }
  checkTold(told);
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
  const contentDir = path.resolve(values['content-dir'] ?? (process.env.CONTENT_DIR || path.join('content', 'articles')));
  return {
    paths: positionals,
    options: {
      root: process.cwd(),
      contentDir,
      told,
      ...(values.slug === undefined ? {} : { slug: values.slug }),
      force: values.force === true,
    },
  };
}

const LEFT_OUT: Partial<Record<MetaField, string>> = {
  title: 'written as unknown',
  outlet: 'written as unknown',
  published: 'written as unknown',
  language: 'left out; the build reads it as en',
};

function report(file: string, outcome: AddOutcome): void {
  const { result } = outcome;
  const lines = [`Added ${outcome.articlePath} from ${file}`];
  if (outcome.renamed !== undefined) {
    lines.push(`  notice: ${outcome.renamed.taken} is a different article with the same headline; this one is ${outcome.renamed.slug}`);
  }
  if (outcome.copiedTo !== undefined) lines.push(`  the file is outside the repo; kept a byte-for-byte copy at ${outcome.copiedTo}`);
  lines.push(`  origin: ${outcome.origin}`);
  if (result.extraction !== undefined) {
    const { words, pageWords } = result.extraction;
    lines.push(`  article: ${words} words, ${Math.round((100 * words) / Math.max(pageWords, 1))}% of the ${pageWords} words the page shows`);
  }
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
