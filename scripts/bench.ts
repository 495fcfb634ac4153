/**
 * `npm run bench -- --articles N [--baseline] [--json] [--seed S] [--no-incremental]`
 *
 * Generates a corpus of N articles (default 1,000) whose true grouping is known, runs the pipeline
 * on it and prints each stage's wall time, peak memory, candidate pairs and BCubed P/R/F1; with
 * `--baseline` also the all-pairs clusterer on the same corpus and the speed ratio; and a cold versus
 * cached rebuild after adding one article (medians of seven rounds, after three untimed ones).
 * `--json` prints one JSON object instead of the table.
 * Progress goes to stderr when it is a terminal.
 */
import { UsageError } from '../src/errors.ts';
import type { BenchmarkResult } from '../src/bench/run-benchmark.ts';
import { createProgress } from '../src/io/progress.ts';

interface CliOptions {
  articles: number;
  seed: number;
  baseline: boolean;
  json: boolean;
  incremental: boolean;
}

const USAGE = 'npm run bench -- --articles N [--baseline] [--json] [--seed S] [--no-incremental]';

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { articles: 1000, seed: 1, baseline: false, json: false, incremental: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[(i += 1)];
      if (next === undefined) throw usage(flag, 'nothing after it', `give a value: ${flag} 1000`);
      return next;
    };
    if (flag === '--articles') options.articles = wholeNumber(flag, value(), 1, 1_000_000);
    else if (flag === '--seed') options.seed = wholeNumber(flag, value(), 0, 2 ** 32 - 1);
    else if (flag === '--baseline') options.baseline = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--no-incremental') options.incremental = false;
    else throw usage(flag, `unknown option ${JSON.stringify(arg)}`, `use ${USAGE}`);
  }
  return options;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(flag, JSON.stringify(text), `pass a whole number from ${min} to ${max}`);
  return n;
}

function usage(field: string, found: string, fix: string): UsageError {
  return new UsageError('bad benchmark option', { file: 'command line', field, found, fix });
}

const seconds = (s: number): string => `${s.toFixed(2)} s`;
const pad = (rows: string[][]): string => {
  const widths = rows[0]?.map((_cell, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   ')).join('\n');
};

function table(result: BenchmarkResult): string {
  const lines: string[] = [];
  lines.push(`Pipeline on ${result.articles.toLocaleString('en-US')} generated articles (seed ${result.seed}): ${result.stories.toLocaleString('en-US')} stories`);
  lines.push('');
  const stageRows = Object.entries(result.stages).map(([stage, s]) => [
    stage,
    seconds(s),
    seconds(result.stagesCpu[stage] ?? 0),
    `${((s / result.seconds) * 100).toFixed(1)} %`,
  ]);
  lines.push(pad([['stage', 'wall', 'cpu', 'share'], ...stageRows, ['total', seconds(result.seconds), seconds(result.cpuSeconds), '']]));
  lines.push('');
  const share = ((result.candidatePairs / Math.max(result.allPairs, 1)) * 100).toFixed(2);
  lines.push(`peak memory       ${result.peakMemoryMB} MB`);
  lines.push(`candidate pairs   ${result.candidatePairs.toLocaleString('en-US')} of ${result.allPairs.toLocaleString('en-US')} (${share} %)`);
  lines.push(`BCubed            P ${result.bcubed.precision.toFixed(4)}   R ${result.bcubed.recall.toFixed(4)}   F1 ${result.bcubed.f1.toFixed(4)}`);
  if (result.baseline !== undefined) {
    const b = result.baseline;
    lines.push('');
    lines.push(`all-pairs baseline (string-similarity on whole texts): ${seconds(b.seconds)} wall, ${seconds(b.cpuSeconds)} cpu, ${b.stories} stories`);
    lines.push(`  BCubed          P ${b.bcubed.precision.toFixed(4)}   R ${b.bcubed.recall.toFixed(4)}   F1 ${b.bcubed.f1.toFixed(4)}`);
    lines.push(`  speedup         ${result.speedup}x wall, ${result.speedupCpu}x cpu (baseline clustering / our cluster stage)`);
    lines.push(`                  ${(b.seconds / result.seconds).toFixed(1)}x wall, ${(b.cpuSeconds / result.cpuSeconds).toFixed(1)}x cpu (baseline clustering / our whole pipeline)`);
  }
  if (result.incremental !== undefined) {
    const inc = result.incremental;
    lines.push('');
    lines.push(`add one article and rebuild, cold (empty cache) vs cached (median of ${inc.rounds} rounds):`);
    lines.push(`  wall            ${seconds(inc.coldSeconds)} vs ${seconds(inc.warmSeconds)} (${(inc.ratio * 100).toFixed(1)} % of cold)`);
    lines.push(`  cpu             ${seconds(inc.coldCpuSeconds)} vs ${seconds(inc.warmCpuSeconds)} (${(inc.ratioCpu * 100).toFixed(1)} % of cold)`);
    lines.push(`  cached build    articles: ${inc.hits} from cache, ${inc.misses} recomputed; stories: ${inc.storyHits} from cache, ${inc.storyMisses} rebuilt`);
    lines.push(`  output          ${inc.identical ? 'identical to' : 'DIFFERS from'} the cold build`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  // Loaded only now, so a mistyped option is reported at once instead of after loading the pipeline.
  const { runBenchmark } = await import('../src/bench/run-benchmark.ts');
  const progress = createProgress();
  const result = runBenchmark({ ...options, observer: progress });
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${table(result)}\n`);
  // A cached rebuild that changes the output is a bug, not a slow figure: fail loudly.
  if (result.incremental !== undefined && !result.incremental.identical) process.exitCode = 1;
}

await main();
