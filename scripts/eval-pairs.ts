/**
 * `npm run eval:pairs`: scores the align stage's pair rule on the hand-labelled sentence pairs of
 * real stories (`eval/<corpus>/sentence-pairs.json`) and on the invented calibration pairs
 * (`tests/fixtures/align/labeled-pairs.json`).
 *
 * Usage: npm run eval:pairs -- [--json] [--build] [--corpus <name>]… [--sentences <corpus>:<articleId>]
 *   --json        one object: { corpora: { <name>: scores }, overall, invented, patterns, built?, byKind, falsePositives, falseNegatives }
 *   --build       also build each corpus's digest and score whether each pair's sentences are cited on
 *                 one claim (the pair rule plus the align stage's group rules), beside the pair rule
 *   --corpus      score only these corpora (default: every label file found)
 *   --sentences   print one article's sentences as the pipeline splits them, with their hashes
 *                 (to repair a pair whose text or split changed)
 * Prints precision and recall per corpus, overall and on the invented pairs, then the false
 * positives and false negatives grouped by label and kind, each with its two sentences. The
 * sentences are third-party text: they go to the terminal only, never into a file of the repo.
 * Exits 1 when a text is missing or a labelled sentence changed, naming the file and the pair.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../src/errors.ts';
import { buildDate } from '../src/io/digest-from-disk.ts';
import { corpusClaims, readStory } from '../src/eval/sentence-pairs-fs.ts';
import { exitCodeOf, isEntryPoint } from '../src/io/run-command.ts';
import {
  citedTogether,
  errorsByKind,
  joinedByKind,
  parsePairLabels,
  precisionRecall,
  resolvePairs,
  scoreInventedPairs,
  scorePairs,
  sentenceHash,
  type InventedPair,
  type PairOutcome,
  type PrecisionRecall,
} from '../src/eval/sentence-pairs.ts';

const USAGE = 'npm run eval:pairs -- [--json] [--build] [--corpus <name>]… [--sentences <corpus>:<articleId>]';
const INVENTED = 'tests/fixtures/align/labeled-pairs.json';
/** Invented pairs that copy the error patterns met on real coverage (kept apart from the calibration pairs). */
const PATTERNS = 'tests/fixtures/align/real-pattern-pairs.json';

/** What the command line asked for. */
export interface PairArgs {
  json: boolean;
  build: boolean;
  corpora: string[];
  sentences?: { corpus: string; articleId: string };
}

/** Parses the options; an unknown option or a malformed value is a `UsageError` naming it. */
export function parsePairArgs(argv: string[]): PairArgs {
  const args: PairArgs = { json: false, build: false, corpora: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--build') args.build = true;
    else if (arg === '--corpus' || arg === '--sentences') {
      const value = argv[(i += 1)];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option \`${arg}\` needs a value`, { file: 'command line', field: arg, found: value ?? 'nothing after it', fix: `use ${USAGE}` });
      if (arg === '--corpus') args.corpora.push(value);
      else {
        const [corpus, articleId] = value.split(':');
        if (!corpus || !articleId) throw new UsageError('`--sentences` takes <corpus>:<articleId>', { file: 'command line', field: arg, found: value, fix: 'for example --sentences storms:storm-014' });
        args.sentences = { corpus, articleId };
      }
    } else throw new UsageError('unknown option', { file: 'command line', field: arg, found: arg, fix: `use ${USAGE}` });
  }
  return args;
}

/** The corpora that hold a label file, `eval/<name>/sentence-pairs.json`, sorted. */
function labelledCorpora(repoRoot: string): string[] {
  return readdirSync(path.join(repoRoot, 'eval'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(repoRoot, 'eval', entry.name, 'sentence-pairs.json')))
    .map((entry) => entry.name)
    .sort();
}

/** Everything one run measured. */
export interface PairReport {
  corpora: Record<string, PrecisionRecall & { story: string }>;
  overall: PrecisionRecall;
  invented: PrecisionRecall;
  /** The invented pairs that copy real error patterns. */
  patterns: PrecisionRecall;
  outcomes: PairOutcome[];
  /** With `--build`: per corpus and overall, the scores of "cited on one claim" in the built digest. */
  built?: Record<string, PrecisionRecall>;
  /** With `--build`: the pairs the built digest cites on one claim though they are not one fact. */
  builtFalsePositives?: PairOutcome[];
}

const figure = (x: number) => x.toFixed(3);
const line = (name: string, s: PrecisionRecall) =>
  `  ${name.padEnd(10)} ${String(s.pairs).padStart(4)} pairs, ${String(s.positives).padStart(3)} positive   precision ${figure(s.precision)}  recall ${figure(s.recall)}   (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`;

/** The report as text: scores, then the errors by kind with their sentences. */
export function formatPairReport(report: PairReport): string {
  const lines = ['SENTENCE PAIRS: the align stage\'s pair rule against hand labels (positive = same or partial)'];
  for (const [name, scores] of Object.entries(report.corpora)) lines.push(line(name, scores));
  lines.push(line('overall', report.overall), line('invented', report.invented), line('patterns', report.patterns));
  if (report.built !== undefined) {
    lines.push('', 'CITED ON ONE CLAIM IN THE BUILT DIGEST (pair rule plus group rules)');
    for (const [name, scores] of Object.entries(report.built)) lines.push(line(name, scores));
    for (const o of report.builtFalsePositives ?? []) lines.push(`    cited together, not one fact: ${o.pair.id} ${o.pair.label}/${o.pair.kind} — ${o.pair.reason}`);
  }
  lines.push('', 'JOINED BY LABEL AND KIND (real pairs, pair rule)');
  for (const row of joinedByKind(report.outcomes)) lines.push(`  ${row.kind.padEnd(26)} ${String(row.joined).padStart(3)} of ${String(row.pairs).padStart(3)} joined`);
  const { falsePositives, falseNegatives } = errorsByKind(report.outcomes);
  for (const [title, groups] of [['FALSE POSITIVES (joined, but not one fact)', falsePositives], ['FALSE NEGATIVES (one fact, not joined)', falseNegatives]] as const) {
    lines.push('', `${title}: ${[...groups.values()].reduce((n, g) => n + g.length, 0)}`);
    for (const [kind, list] of groups) {
      lines.push(`  ${kind} ×${list.length}`);
      for (const o of list) {
        const why = o.refusedBy === undefined ? '' : `, refused by ${o.refusedBy}`;
        lines.push(`    ${o.pair.id}  score ${figure(o.score)} topical ${figure(o.topical)}${why} — ${o.pair.reason}`, `      A ${o.pair.a.sentence}: ${o.pair.aText}`, `      B ${o.pair.b.sentence}: ${o.pair.bText}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code. */
export function main(argv: string[], repoRoot: string, out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parsePairArgs(argv);
    const today = buildDate();
    if (args.sentences !== undefined) {
      const { articles } = readStory(repoRoot, args.sentences.corpus, today, [args.sentences.articleId]);
      const article = articles[0];
      if (article === undefined) throw new UsageError('no such article', { file: 'command line', field: '--sentences', found: args.sentences.articleId, fix: 'name an article id of the corpus manifest (or a seed file name)' });
      for (const s of article.sentences) out(`${s.id} ${sentenceHash(s.text)} ${s.kind.padEnd(9)} ${s.text}\n`);
      return 0;
    }
    const corpora = args.corpora.length > 0 ? args.corpora : labelledCorpora(repoRoot);
    const outcomes: PairOutcome[] = [];
    const perCorpus: PairReport['corpora'] = {};
    const built: Record<string, PrecisionRecall> = {};
    const builtAll: { positive: boolean; aligned: boolean }[] = [];
    const builtFalsePositives: PairOutcome[] = [];
    for (const corpus of corpora) {
      const file = path.join('eval', corpus, 'sentence-pairs.json');
      if (!existsSync(path.join(repoRoot, file))) throw new UsageError('the corpus has no sentence-pair labels', { file, found: 'no such file', fix: `name one of: ${labelledCorpora(repoRoot).join(', ')}` });
      const labels = parsePairLabels(readFileSync(path.join(repoRoot, file), 'utf8'), file);
      const story = readStory(repoRoot, corpus, today, labels.articles);
      const resolved = resolvePairs(labels, story.articles, file, story.textPath);
      const scored = scorePairs(resolved, story.articles);
      outcomes.push(...scored);
      perCorpus[corpus] = { story: labels.story, ...precisionRecall(scored) };
      if (args.build) {
        const together = citedTogether(labels.pairs, corpusClaims(repoRoot, corpus, today));
        const decided = scored.map((o, i) => ({ positive: o.positive, aligned: together[i] ?? false }));
        built[corpus] = precisionRecall(decided);
        scored.forEach((o, i) => {
          if (together[i] === true && !o.positive) builtFalsePositives.push(o);
        });
        builtAll.push(...decided);
      }
    }
    if (args.build) built.overall = precisionRecall(builtAll);
    const invented = JSON.parse(readFileSync(path.join(repoRoot, INVENTED), 'utf8')) as { pairs: InventedPair[] };
    const patterns = JSON.parse(readFileSync(path.join(repoRoot, PATTERNS), 'utf8')) as { pairs: InventedPair[] };
    const report: PairReport = {
      corpora: perCorpus,
      overall: precisionRecall(outcomes),
      invented: precisionRecall(scoreInventedPairs(invented.pairs)),
      patterns: precisionRecall(scoreInventedPairs(patterns.pairs)),
      outcomes, ...(args.build ? { built, builtFalsePositives } : {}) };
    if (args.json) {
      const errors = (aligned: boolean) =>
        outcomes.filter((o) => o.aligned === aligned && o.positive !== aligned).map((o) => ({ id: o.pair.id, label: o.pair.label, kind: o.pair.kind, score: Number(o.score.toFixed(4)), ...(o.refusedBy === undefined ? {} : { refusedBy: o.refusedBy }) }));
      const json = { corpora: perCorpus, overall: report.overall, invented: report.invented, patterns: report.patterns, ...(args.build ? { built, builtFalsePositives: builtFalsePositives.map((o) => o.pair.id) } : {}), byKind: joinedByKind(outcomes), falsePositives: errors(true), falseNegatives: errors(false) };
      out(`${JSON.stringify(json, null, 2)}\n`);
    } else out(formatPairReport(report));
    return 0;
  } catch (error) {
    return exitCodeOf(error, err);
  }
}

if (isEntryPoint(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exitCode = main(process.argv.slice(2), repoRoot, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
