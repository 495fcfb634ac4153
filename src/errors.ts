/**
 * The project's error types: one class per kind of failure.
 *
 * Every error names where the problem is (file, and line or field when known), what was found,
 * and how to fix it. Messages carry no "Error:" prefix; the CLI adds its own framing.
 * Code that catches errors checks `instanceof DigestError` to tell our reports from crashes.
 */

/** Where a problem was found. */
export interface ProblemLocation {
  /** Repo-relative path of the file, or a description of the input (e.g. "command line"). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** The front-matter field, option or property concerned, when there is one. */
  field?: string;
}

/** Details shared by every problem report. */
export interface ProblemDetails extends ProblemLocation {
  /** What was found, quoted or described. */
  found: string;
  /** What to do about it. */
  fix: string;
}

/**
 * Base class of every error this project raises on purpose. These are reports about the input (or
 * an option), so they carry no stack trace: where in our code a problem was noticed says nothing
 * to whoever has to fix it, and capturing one cost more than the rest of the report (a build of
 * 1,000 articles makes a hundred-odd warnings each time it runs).
 */
export class DigestError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly found: string;
  readonly fix: string;

  constructor(summary: string, details: ProblemDetails, options?: { cause?: unknown }) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(formatProblem(summary, details), options);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = new.target.name;
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.found = details.found;
    this.fix = details.fix;
  }
}

/** Formats one problem as `file:line (field): summary. Found: … Fix: …`. */
export function formatProblem(summary: string, details: ProblemDetails): string {
  const where = details.line === undefined ? details.file : `${details.file}:${details.line}`;
  const field = details.field === undefined ? '' : ` (${details.field})`;
  return `${where}${field}: ${summary}\n  found: ${details.found}\n  fix: ${details.fix}`;
}

/** Front matter that is missing, not YAML, or fails the article schema. */
export class FrontMatterError extends DigestError {}

/** A file that cannot be read as an article: empty, binary, undecodable, too large. */
export class ArticleFileError extends DigestError {}

/**
 * A saved web page in which no whole article was found: what the extractor kept is short, or a
 * small share of the text the page shows. Importing it would lose the article without a word, so
 * the import stops; the message says what was found and how to import anyway.
 */
export class ArticleNotFoundError extends ArticleFileError {}

/** A bad command-line option or argument. */
export class UsageError extends DigestError {}

/** An option passed to a pipeline stage outside its allowed range (a threshold outside 0–1, say). */
export class OptionError extends DigestError {}

/** An evaluation corpus's manifest that is malformed or inconsistent (`npm run eval:clusters`). */
export class ManifestError extends DigestError {}

/** Writing would overwrite or clash with an existing article (same slug, same file). */
export class ArticleConflictError extends DigestError {}

/**
 * Several problems found in one run, reported together so an editor can fix them all at once.
 * `problems` keeps each one; the message lists them all.
 */
export class ProblemListError extends DigestError {
  readonly problems: DigestError[];

  constructor(problems: DigestError[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(
      `${count} in the articles`,
      {
        file: problems.map((p) => p.file).filter((f, i, all) => all.indexOf(f) === i).join(', '),
        found: `\n${problems.map((p) => p.message.replace(/^/gm, '    ')).join('\n')}`,
        fix: 'fix each problem listed above, then build again',
      },
    );
    this.problems = problems;
  }
}

/** Checks that a numeric option is within [min, max]; throws an `OptionError` naming it otherwise. */
export function assertInRange(stage: string, name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new OptionError(`option \`${name}\` is out of range`, {
      file: stage,
      field: name,
      found: String(value),
      fix: `pass a number from ${min} to ${max}`,
    });
  }
}
