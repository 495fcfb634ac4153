/**
 * `tsx scripts/generate-corpus.ts --articles N --seed S --out DIR`: writes a generated corpus
 * (see `src/bench/generate-corpus.ts`) as Markdown content files into DIR, plus `truth.json`
 * (article id → event id) and `derivatives.json` (rewrite or copy → the report it was made from)
 * beside them, so a benchmark or a person can check a clustering against the known grouping.
 *
 * Refuses to write into a folder that already holds `.md` files, so it never mixes two corpora.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DigestError, UsageError } from '../src/errors.ts';
import { generateCorpus } from '../src/bench/generate-corpus.ts';

const USAGE = `Usage: tsx scripts/generate-corpus.ts --articles N [--seed S] --out DIR

Writes N generated news articles (Markdown with front matter) into DIR, with truth.json and
derivatives.json beside them. The same seed always gives the same corpus.

Options:
  --articles N   how many articles (a whole number, 0 or more)
  --seed S       seed of the generator (a whole number; default 1)
  --out DIR      folder to write to; created when missing, must hold no .md files
  -h, --help     show this help`;

function wholeNumber(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const number = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new UsageError(`option \`--${name}\` needs a whole number`, {
      file: 'command line',
      field: `--${name}`,
      found: value === undefined ? 'nothing' : JSON.stringify(value),
      fix: `pass e.g. \`--${name} 1000\``,
    });
  }
  return number;
}

function main(argv: string[]): number {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { articles: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const articles = wholeNumber('articles', values.articles);
    const seed = wholeNumber('seed', values.seed, 1);
    if (values.out === undefined || values.out.trim() === '') {
      throw new UsageError('option `--out` is missing', { file: 'command line', field: '--out', found: 'nothing', fix: 'pass `--out <folder>`, e.g. `--out .scratch/corpus`' });
    }
    const out = path.resolve(values.out);
    if (fs.existsSync(out) && fs.readdirSync(out).some((name) => name.endsWith('.md'))) {
      throw new UsageError('the output folder already holds articles', {
        file: values.out,
        field: '--out',
        found: 'one or more .md files',
        fix: 'choose an empty or new folder, or delete the old corpus first',
      });
    }
    const corpus = generateCorpus({ articles, seed });
    fs.mkdirSync(out, { recursive: true });
    for (const file of corpus.files) fs.writeFileSync(path.join(out, path.basename(file.path)), file.bytes);
    fs.writeFileSync(path.join(out, 'truth.json'), `${JSON.stringify(corpus.truth, null, 2)}\n`);
    fs.writeFileSync(path.join(out, 'derivatives.json'), `${JSON.stringify(corpus.derivatives, null, 2)}\n`);
    const events = new Set(Object.values(corpus.truth)).size;
    console.log(`Wrote ${corpus.files.length} articles about ${events} events to ${values.out} (seed ${seed}), with truth.json and derivatives.json`);
    return 0;
  } catch (error) {
    if (error instanceof DigestError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
