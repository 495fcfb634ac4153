/**
 * `npm run bench:import [-- --pages N] [--kb K] [--json]`
 *
 * First scores the import on the real news pages themselves (word recall and precision, titles,
 * outlets, dates, refusals); then imports N saved pages of about K kilobytes (default 1,000 of
 * 300 KB), made from the real pages, through the same code as `npm run add`, and prints the wall
 * and CPU seconds and pages per second. The real pages must have been gathered
 * (`npm run fixtures:real-pages`). A benchmark prints figures; it is not part of `npm test`. It
 * exits non-zero if a padded page imported differently from its original.
 */
import { DigestError, UsageError } from '../src/errors.ts';
import { runImportBenchmark, type ImportBenchmarkResult } from '../src/bench/import-benchmark.ts';

const USAGE = 'npm run bench:import -- [--pages N] [--kb K] [--json]';

function parse(argv: string[]): { pages: number; kilobytes: number; json: boolean } {
  const options = { pages: 1000, kilobytes: 300, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const number = (min: number, max: number): number => {
      const text = inline ?? argv[(i += 1)];
      const value = Number(text);
      if (text === undefined || !Number.isInteger(value) || value < min || value > max) {
        throw new UsageError(`option ${flag} needs a whole number from ${min} to ${max}`, {
          file: 'command line',
          field: flag,
          found: JSON.stringify(text ?? null),
          fix: `e.g. ${flag} ${min === 1 ? 100 : min}`,
        });
      }
      return value;
    };
    if (flag === '--pages') options.pages = number(1, 100_000);
    else if (flag === '--kb') options.kilobytes = number(1, 10_000);
    else if (flag === '--json') options.json = true;
    else throw new UsageError(`unknown option ${JSON.stringify(arg)}`, { file: 'command line', found: arg, fix: `use ${USAGE}` });
  }
  return options;
}

function print(result: ImportBenchmarkResult): void {
  const { quality, speed } = result;
  const f = (n: number, digits = 3): string => n.toFixed(digits);
  console.log(`Import quality on ${quality.pages.length} real news pages (word recall / precision against the article a reader sees):`);
  for (const page of quality.pages) {
    const marks = [page.title ? '' : 'title ✗', page.outlet ? '' : 'outlet ✗', page.published ? '' : 'date ✗'].filter(Boolean).join(' ');
    console.log(`  ${page.name.padEnd(48)} recall ${f(page.recall)}  precision ${f(page.precision)}  ${marks || 'title, outlet, date ok'}`);
  }
  console.log(`  recall min ${f(quality.recall.min)} mean ${f(quality.recall.mean)}; precision min ${f(quality.precision.min)} mean ${f(quality.precision.mean)}`);
  console.log(`  titles ${quality.titles}/${quality.pages.length}, outlets ${quality.outlets}/${quality.pages.length}, dates ${quality.dates}/${quality.pages.length} as the pages state them`);
  console.log(`  pages without an article refused: ${quality.noArticle.refused}/${quality.noArticle.pages}`);
  console.log(`\nImport speed: ${speed.pages} saved pages of ${f(speed.meanKilobytes, 0)} KB on average, one after another, files read and written:`);
  console.log(`  ${f(speed.seconds, 1)} s, ${f(speed.pagesPerSecond, 1)} pages/s (per page: median ${f(speed.medianMs, 0)} ms, 95th percentile ${f(speed.p95Ms, 0)} ms); CPU time ${f(speed.cpuSeconds, 1)} s`);
  console.log(speed.mismatches.length === 0 ? '  every padded page imported exactly as its original' : `  ${speed.mismatches.length} padded pages imported differently from their original:\n    ${speed.mismatches.slice(0, 10).join('\n    ')}`);
}

function main(argv: string[]): number {
  try {
    const options = parse(argv);
    const result = runImportBenchmark(options);
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else print(result);
    return result.speed.mismatches.length === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof DigestError)) throw error;
    console.error(`npm run bench:import:\n${error.message.replace(/^/gm, '  ')}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
