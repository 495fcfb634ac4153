/**
 * `npm run digest`: runs the pipeline only (no Astro) on the content folder and prints what it made.
 *
 * Usage: tsx scripts/build-digest.ts [--content-dir <dir>] [--json] [--report] [--audit <story-slug>] [--no-cache]
 *   --content-dir  the articles folder (default $CONTENT_DIR, else content/articles)
 *   --no-cache     ignore and leave alone the per-article cache in .cache/digest/
 *   (no option)  a readable table per story: sources, independent count, claims with source marks,
 *                conflicts, and the sentences left out with the reason
 *   --json       digest.json on stdout (2-space, stable)
 *   --report     the build report: every input file shown or excluded (with the reason), warnings,
 *                and counts that add up (in = shown + excluded); with --json, the report as JSON
 *   --audit      one story's claims stated by two or more sources, each with every sentence it
 *                cites beside it and that source's support (full / partial, and the part), then
 *                the disagreements; with --json, the same as JSON
 * Problems in the articles (`DigestError`) print their message and exit 1; anything else is a
 * crash and prints its stack.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../src/errors.ts';
import { buildDigestFromDisk } from '../src/io/digest-from-disk.ts';
import type { BuildReport, Conflict, Digest, DigestSource, Story } from '../src/types.ts';
import { exitCodeOf, isEntryPoint } from '../src/io/run-command.ts';

/** What the command line asked for. */
export interface DigestArgs {
  contentDir: string;
  json: boolean;
  report: boolean;
  cache: boolean;
  /** The slug of the story to audit (`--audit <slug>`); absent otherwise. */
  audit?: string;
}

const USAGE = 'npm run digest -- [--content-dir <dir>] [--json] [--report] [--audit <story-slug>] [--no-cache]';

/** Parses the options; an unknown option or a missing value is a `UsageError` naming it. */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): DigestArgs {
  const args: DigestArgs = { contentDir: env.CONTENT_DIR || 'content/articles', json: false, report: false, cache: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--report') args.report = true;
    else if (arg === '--no-cache') args.cache = false;
    else if (arg.startsWith('--content-dir=')) args.contentDir = arg.slice('--content-dir='.length);
    else if (arg.startsWith('--audit=')) args.audit = arg.slice('--audit='.length);
    else if (arg === '--audit') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError('option `--audit` needs a story slug', {
          file: 'command line',
          field: '--audit',
          found: value === undefined ? 'nothing after it' : value,
          fix: 'pass the slug of a story, as `npm run digest` prints it after "slug", e.g. npm run digest -- --audit <story-slug>',
        });
      }
      args.audit = value;
      i += 1;
    }
    else if (arg === '--content-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError('option `--content-dir` needs a folder', {
          file: 'command line',
          field: '--content-dir',
          found: value === undefined ? 'nothing after it' : value,
          fix: `pass the folder of articles, e.g. ${USAGE.replace('[--content-dir <dir>]', '--content-dir content/articles')}`,
        });
      }
      args.contentDir = value;
      i += 1;
    } else {
      throw new UsageError('unknown option', { file: 'command line', field: arg, found: arg, fix: `use ${USAGE}` });
    }
  }
  if (args.contentDir.trim() === '') {
    throw new UsageError('option `--content-dir` is empty', { file: 'command line', field: '--content-dir', found: '""', fix: `use ${USAGE}` });
  }
  return args;
}

/** digest.json as the site and tests read it: 2-space indentation, trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function describeSource(source: DigestSource | undefined, marks: Map<string, number>): string {
  if (source === undefined) return '(missing source)';
  const date = source.published === 'unknown' ? 'date not stated' : source.published;
  const outlet = source.outlet === 'unknown' ? 'outlet not stated' : source.outlet;
  const parts = [outlet, date];
  if (source.credit !== undefined) parts.push(`reporting by ${source.credit}`);
  if (source.derivativeOf !== undefined) parts.push(`rewrite of [${marks.get(source.derivativeOf) ?? '?'}] ${source.derivativeOf}`);
  return `${parts.join(' · ')}\n        ${source.id}${source.title === 'unknown' ? '' : ` — “${source.title}”`}`;
}

function marksOf(ids: string[], marks: Map<string, number>): string {
  return ids.map((id) => `[${marks.get(id) ?? '?'}]`).join('');
}

/** The readable table of one story (what `npm run digest` prints without options). */
export function formatStory(story: Story, digest: Digest): string {
  const sources = new Map(digest.sources.map((source) => [source.id, source]));
  const sentences = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s])));
  const marks = new Map(story.sourceIds.map((id, index) => [id, index + 1]));
  const lines: string[] = [];
  lines.push(`STORY  ${story.title}`);
  lines.push(`  slug ${story.slug} · updated ${story.updated === 'unknown' ? 'date not stated' : story.updated}`);
  lines.push(`  ${story.sourceIds.length} source${story.sourceIds.length === 1 ? '' : 's'}, ${story.independentSourceCount} independent`);
  lines.push('', '  SOURCES');
  for (const id of story.sourceIds) lines.push(`    [${marks.get(id)}] ${describeSource(sources.get(id), marks)}`);
  lines.push('', '  SUMMARY', `    ${story.summary}`, '', '  KEY POINTS');
  for (const point of story.keyPoints) lines.push(`    • ${point}`);
  lines.push('', `  CLAIMS (${story.claims.length})`);
  let section = '';
  for (const claim of story.claims) {
    if (claim.section !== section) {
      section = claim.section;
      lines.push(`    ${section.toUpperCase()}`);
    }
    lines.push(`      ${marksOf(claim.sourceIds, marks).padEnd(12)} ${claim.text}`);
  }
  lines.push('', `  CONFLICTS (${story.conflicts.length})`);
  for (const conflict of story.conflicts) {
    lines.push(`    ${conflict.topic}${conflict.kind === 'rounding' ? '  (possible rounding)' : ''}`);
    for (const variant of conflict.variants) {
      lines.push(`      “${variant.text}”  ${marksOf(variant.sourceIds, marks)}  (${variant.independentSourceCount} independent)`);
    }
  }
  lines.push('', `  LEFT OUT (${story.leftOut.length})`);
  for (const item of story.leftOut) {
    const sentence = sentences.get(item.sentenceId);
    const text = sentence === undefined ? '' : sentence.text.length > 90 ? `${sentence.text.slice(0, 89)}…` : sentence.text;
    const mark = sentence === undefined ? '' : `[${marks.get(sentence.articleId) ?? '?'}]`;
    lines.push(`    ${mark} “${text}”`, `        ${item.reason}`);
  }
  return lines.join('\n');
}

/** One cited sentence of a claim, with the support its source gives. */
export interface AuditCitation {
  sourceId: string;
  /** The source's citation number in the story. */
  mark: number;
  sentenceId: string;
  text: string;
  part: 'full' | 'partial';
  /** For a partial citation, the part of the claim the source states. */
  span?: string;
}

/** One claim stated by two or more sources, with every sentence it cites. */
export interface AuditClaim {
  id: string;
  text: string;
  citations: AuditCitation[];
}

/** What `--audit` shows for one story: its multi-source claims and its stance disagreements. */
export interface StoryAudit {
  slug: string;
  claims: AuditClaim[];
  disagreements: Conflict[];
}

/** The audit of one story: each claim that two or more sources state, with each cited sentence and its support. */
export function auditStory(story: Story, digest: Digest): StoryAudit {
  const sentences = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s])));
  const marks = new Map(story.sourceIds.map((id, index) => [id, index + 1]));
  const claims = story.claims
    .filter((claim) => claim.sourceIds.length >= 2)
    .map((claim) => ({
      id: claim.id,
      text: claim.text,
      citations: claim.sentenceIds.map((sentenceId) => {
        const sourceId = sentences.get(sentenceId)?.articleId ?? '';
        const support = claim.support.find((s) => s.sourceId === sourceId);
        return {
          sourceId,
          mark: marks.get(sourceId) ?? 0,
          sentenceId,
          text: sentences.get(sentenceId)?.text ?? '',
          part: support?.part ?? 'full',
          ...(support?.span === undefined ? {} : { span: support.span }),
        };
      }),
    }));
  return { slug: story.slug, claims, disagreements: story.conflicts.filter((conflict) => conflict.kind === 'stance') };
}

/** The audit as text: the claim, then each cited sentence beside its source mark and support label. */
export function formatAudit(audit: StoryAudit): string {
  const lines = [`AUDIT  ${audit.slug}: ${audit.claims.length} claims stated by two or more sources`];
  const wrap = (text: string, indent: string): string => {
    const words = text.split(/\s+/u);
    const out: string[] = [];
    let line = '';
    for (const word of words) {
      if (line.length > 0 && line.length + word.length + 1 > 96) {
        out.push(line);
        line = word;
      } else line = line.length === 0 ? word : `${line} ${word}`;
    }
    if (line.length > 0) out.push(line);
    return out.join(`
${indent}`);
  };
  for (const claim of audit.claims) {
    lines.push('', `  ${claim.id}`, `    CLAIM        ${wrap(claim.text, ' '.repeat(17))}`);
    for (const c of claim.citations) {
      lines.push(`    [${c.mark}] ${c.part.padEnd(8)} ${wrap(c.text, ' '.repeat(17))}`);
      if (c.span !== undefined) lines.push(`                 supports: ${wrap(c.span, ' '.repeat(27))}`);
    }
  }
  lines.push('', `  DISAGREEMENTS ON WHAT IS ASSERTED (${audit.disagreements.length})`);
  for (const conflict of audit.disagreements) {
    lines.push(`    ${conflict.topic}`);
    for (const variant of conflict.variants) lines.push(`      “${variant.text}”  ${variant.sourceIds.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every story's table, separated by a rule. */
export function formatDigest(digest: Digest): string {
  if (digest.stories.length === 0) return 'No stories: the content folder has no articles to show.\n';
  return `${digest.stories.map((story) => formatStory(story, digest)).join(`\n\n${'─'.repeat(72)}\n\n`)}\n`;
}

/** The build report as text: every file accounted for (shown, or excluded with why), and the sum checked. */
export function formatReport(report: BuildReport, digest?: Digest): string {
  const lines = ['BUILD REPORT'];
  lines.push(`  input files:       ${report.inputFiles}`);
  lines.push(`  shown as sources:  ${report.sources}`);
  for (const source of digest?.sources ?? []) {
    const from = source.origin.endsWith(`${source.id}.md`) ? '' : ` (imported from ${source.origin})`;
    lines.push(`    ${source.id}${from} → story ${source.storySlug}`);
  }
  lines.push(`  excluded:          ${report.excluded.length}`);
  for (const item of report.excluded) lines.push(`    ${item.file}`, `        ${item.reason.replace(/\n/g, '\n        ')}`);
  lines.push(`  warnings:          ${report.warnings.length}`);
  for (const warning of report.warnings) lines.push(`    ${warning.replace(/\n/g, '\n    ')}`);
  const { cluster } = report;
  lines.push(`  clustering:        ${cluster.candidatePairs} candidate pairs scored of ${cluster.allPairs} possible (${cluster.articles} articles)`);
  const adds = report.inputFiles === report.sources + report.excluded.length;
  lines.push(
    adds
      ? `  check:             ${report.inputFiles} in = ${report.sources} shown + ${report.excluded.length} excluded`
      : `  check:             COUNTS DO NOT ADD UP: ${report.inputFiles} in ≠ ${report.sources} shown + ${report.excluded.length} excluded`,
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code. Output goes to the given writers (stdout, stderr). */
export function main(argv: string[], repoRoot: string, out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseArgs(argv, process.env);
    const { digest, report } = buildDigestFromDisk(path.resolve(args.contentDir), repoRoot, { cache: args.cache });
    const adds = report.inputFiles === report.sources + report.excluded.length;
    if (args.audit !== undefined) {
      const story = digest.stories.find((s) => s.slug === args.audit);
      if (story === undefined) {
        throw new UsageError('no story has this slug', {
          file: 'command line',
          field: '--audit',
          found: args.audit,
          fix: `use one of: ${digest.stories.map((s) => s.slug).join(', ') || '(no stories)'}`,
        });
      }
      const audit = auditStory(story, digest);
      out(args.json ? formatJson(audit) : formatAudit(audit));
    } else if (args.report) out(args.json ? formatJson(report) : formatReport(report, digest));
    else if (args.json) out(formatJson(digest));
    else out(formatDigest(digest));
    if (!adds) err('digest: the build report does not account for every input file (a bug: please report it)\n');
    return adds ? 0 : 1;
  } catch (error) {
    return exitCodeOf(error, err);
  }
}

if (isEntryPoint(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exitCode = main(
    process.argv.slice(2),
    repoRoot,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
