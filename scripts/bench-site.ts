/**
 * `npm run bench:site -- --articles N [--seed S] [--rounds R] [--keep] [--only site|plain]`
 *
 * Times the whole site build (`npm run build`: pipeline, Astro, Pagefind) on N generated articles
 * beside a plain Astro build of the same articles as bare Markdown pages (a throw-away minimal
 * Astro project: one page per article from a glob content collection), in the same run, and prints
 * both times, their peak memory and the ratio. Everything goes to a temporary folder, removed at
 * the end unless `--keep` is given; the repository's own `dist/` is never touched. It also
 * enforces the story-page weight budget (60 KB of HTML): any page over it fails the run. `--only` runs one
 * of the two builds (to look into one of them; the ratio needs both). `--rounds R` repeats the pair
 * R times, each from cold caches, and prints every round and the median ratios: on a busy 2-core
 * machine one pair can be off by a third.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from '../src/bench/generate-corpus.ts';
import { UsageError } from '../src/errors.ts';

const require = createRequire(import.meta.url);
const REPO = process.cwd();
const USAGE = 'npm run bench:site -- --articles N [--seed S] [--rounds R] [--keep] [--only site|plain]';

interface CliOptions {
  articles: number;
  seed: number;
  rounds: number;
  keep: boolean;
  only: 'site' | 'plain' | undefined;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { articles: 1000, seed: 1, rounds: 1, keep: false, only: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const number = (min: number, max: number): number => {
      const text = argv[(i += 1)];
      const n = Number(text);
      if (text === undefined || !Number.isInteger(n) || n < min || n > max) {
        throw new UsageError('bad benchmark option', { file: 'command line', field: arg, found: String(text), fix: `pass a whole number from ${min} to ${max}` });
      }
      return n;
    };
    if (arg === '--articles') options.articles = number(1, 100_000);
    else if (arg === '--seed') options.seed = number(0, 2 ** 32 - 1);
    else if (arg === '--rounds') options.rounds = number(1, 20);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--only' && (argv[i + 1] === 'site' || argv[i + 1] === 'plain')) options.only = argv[(i += 1)] as 'site' | 'plain';
    else throw new UsageError('bad benchmark option', { file: 'command line', field: arg, found: JSON.stringify(arg), fix: `use ${USAGE}` });
  }
  return options;
}

/** What one timed command did. */
interface Timed {
  seconds: number;
  peakMemoryMB: number;
  /** Seconds from the start until each marker line first appeared in the output. */
  marks: Record<string, number>;
}

/**
 * Runs a command under GNU time (for the peak memory of the whole process tree), echoing nothing but
 * capturing output so a failure can be shown, and noting when `markers` first appear.
 */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv, markers: Record<string, RegExp> = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', command, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const marks: Record<string, number> = {};
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const [name, pattern] of Object.entries(markers)) {
        if (marks[name] === undefined && pattern.test(output)) marks[name] = (performance.now() - began) / 1000;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - began) / 1000;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
        return;
      }
      const kb = Number(/peak-rss-kb (\d+)/.exec(output)?.[1] ?? 0);
      resolve({ seconds, peakMemoryMB: Math.round(kb / 1024), marks });
    });
  });
}

/**
 * Writes a minimal Astro project that renders each Markdown file of `articlesDir` as one page, with
 * the same `build.concurrency` as this project's config, so the ratio measures our work, not a setting.
 */
function writePlainProject(dir: string, articlesDir: string, concurrency: number): void {
  mkdirSync(path.join(dir, 'src', 'pages', 'a'), { recursive: true });
  // Astro and its dependencies resolve from the project folder upwards; a link to this repo's
  // node_modules lets the throw-away project use exactly the installed versions.
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'plain-astro-bench', private: true, type: 'module' }));
  // Its own cache folder, like the whole build's: both builds start cold, and neither touches the
  // cache under the linked node_modules.
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false }, build: { concurrency: ${concurrency} }, cacheDir: ${JSON.stringify(path.join(dir, '.astro-cache'))} });\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\n` +
      `export const collections = {\n  articles: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(articlesDir)} }) }),\n};\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'a', '[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n` +
      `export async function getStaticPaths() {\n  const articles = await getCollection('articles');\n  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));\n}\n` +
      `const { article } = Astro.props;\nconst { Content } = await render(article);\n---\n` +
      `<html lang="en"><head><meta charset="utf-8" /><title>{String(article.data.title)}</title></head>\n` +
      `<body><main><h1>{String(article.data.title)}</h1><Content /></main></body></html>\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'index.astro'),
    `---\nimport { getCollection } from 'astro:content';\nconst articles = await getCollection('articles');\n---\n` +
      `<html lang="en"><head><meta charset="utf-8" /><title>Articles</title></head>\n` +
      `<body><main><ul>{articles.map((a) => <li><a href={\`/a/\${a.id}/\`}>{String(a.data.title)}</a></li>)}</ul></main></body></html>\n`,
  );
}

/** Issue 5's weight budget for one story page's HTML, uncompressed. */
const STORY_HTML_BUDGET = 60 * 1024;

/** The largest story page of a built site, and the pages over the budget. */
function storyPageWeights(dist: string): { largest: { page: string; bytes: number } | undefined; over: string[] } {
  const dir = path.join(dist, 'stories');
  let largest: { page: string; bytes: number } | undefined;
  const over: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('index.html')).sort()) {
    const bytes = statSync(path.join(dir, name)).size;
    if (largest === undefined || bytes > largest.bytes) largest = { page: `stories/${name}`, bytes };
    if (bytes > STORY_HTML_BUDGET) over.push(`stories/${name} (${(bytes / 1024).toFixed(1)} KB)`);
  }
  return { largest, over };
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

/** One pair of builds: the whole build and the plain one, each into its own folders. */
interface Round {
  siteOut: string;
  plainDir: string;
  site?: Timed;
  plain?: Timed;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The printed lines: the details of the last round, then each round's ratios and their medians. */
function report(options: CliOptions, rounds: Round[]): string[] {
  const lines = [`Site build on ${options.articles.toLocaleString('en-US')} generated articles (seed ${options.seed})`, ''];
  const last = rounds[rounds.length - 1] as Round;
  const { site, plain } = last;
  if (site !== undefined) {
    lines.push(`whole build (npm run build)     ${site.seconds.toFixed(1)} s   peak ${site.peakMemoryMB} MB   ${countHtml(last.siteOut)} HTML pages`);
    const pipelineAt = site.marks.pipeline;
    // The pipeline runs beside Astro's startup, so this is when it ended, not a share of the total.
    if (pipelineAt !== undefined) lines.push(`  pipeline done after           ${pipelineAt.toFixed(1)} s (while Astro started)`);
    const pagefindAt = site.marks.pagefind;
    if (pagefindAt !== undefined) {
      lines.push(`  pipeline + Astro              ${pagefindAt.toFixed(1)} s`, `  Pagefind index                ${(site.seconds - pagefindAt).toFixed(1)} s`);
    }
    const weights = storyPageWeights(last.siteOut);
    if (weights.largest !== undefined) {
      lines.push(`  largest story page            ${(weights.largest.bytes / 1024).toFixed(1)} KB (budget ${STORY_HTML_BUDGET / 1024} KB): ${weights.largest.page}`);
    }
    if (weights.over.length > 0) {
      lines.push(`  OVER BUDGET: ${weights.over.length} story pages: ${weights.over.slice(0, 5).join(', ')}${weights.over.length > 5 ? ', …' : ''}`);
      process.exitCode = 1;
    }
  }
  if (plain !== undefined) {
    lines.push(`plain Astro, bare Markdown      ${plain.seconds.toFixed(1)} s   peak ${plain.peakMemoryMB} MB   ${countHtml(path.join(last.plainDir, 'dist'))} HTML pages`);
  }
  const ratios = rounds.flatMap(({ site: s, plain: p }) =>
    s !== undefined && p !== undefined ? [{ whole: s.seconds / p.seconds, bare: s.marks.pagefind === undefined ? undefined : s.marks.pagefind / p.seconds, s, p }] : [],
  );
  if (ratios.length === 1) {
    const [only] = ratios as [(typeof ratios)[number]];
    lines.push('', `ratio whole / plain             ${only.whole.toFixed(2)}x`);
    if (only.bare !== undefined) lines.push(`ratio without Pagefind          ${only.bare.toFixed(2)}x`);
  } else if (ratios.length > 1) {
    lines.push('', 'round   whole     plain     ratio   without Pagefind');
    ratios.forEach((r, i) => {
      lines.push(`${String(i + 1).padStart(5)}   ${r.s.seconds.toFixed(1).padStart(5)} s   ${r.p.seconds.toFixed(1).padStart(5)} s   ${r.whole.toFixed(2)}x   ${r.bare === undefined ? '' : `${r.bare.toFixed(2)}x`}`);
    });
    const bare = ratios.flatMap((r) => (r.bare === undefined ? [] : [r.bare]));
    lines.push(`median ratio whole / plain      ${median(ratios.map((r) => r.whole)).toFixed(2)}x`);
    if (bare.length > 0) lines.push(`median ratio without Pagefind   ${median(bare).toFixed(2)}x`);
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(path.join(os.tmpdir(), 'digest-bench-site-'));
  try {
    const articlesDir = path.join(work, 'articles');
    mkdirSync(articlesDir);
    for (const file of generateCorpus({ articles: options.articles, seed: options.seed }).files) {
      writeFileSync(path.join(articlesDir, path.posix.basename(file.path)), file.bytes);
    }
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    const ours = (await import(pathToFileURL(path.join(REPO, 'astro.config.mjs')).href)) as { default: { build?: { concurrency?: number } } };
    const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

    const rounds: Round[] = [];
    for (let index = 1; index <= options.rounds; index += 1) {
      const dir = path.join(work, `round-${index}`);
      const round: Round = { siteOut: path.join(dir, 'site-dist'), plainDir: path.join(dir, 'plain') };
      const of = options.rounds > 1 ? ` (round ${index} of ${options.rounds})` : '';
      // The whole build goes first: the first build pays for a cold file cache, so this order can
      // only make our ratio look worse, never better.
      if (options.only !== 'plain') {
        process.stderr.write(`whole build of ${options.articles} articles (npm run build)${of}…\n`);
        // Both caches start empty: a cold build, and the editor's caches are left alone.
        const siteEnv = { ...env, CONTENT_DIR: articlesDir, ASTRO_CACHE_DIR: path.join(dir, 'site-cache'), DIGEST_CACHE_DIR: path.join(dir, 'digest-cache') };
        round.site = await timed('npm', ['run', 'build', '--', '--out-dir', round.siteOut], siteEnv, { pipeline: /pipeline done in/, pagefind: /indexing for search with Pagefind/ });
      }
      if (options.only !== 'site') {
        process.stderr.write(`plain Astro build of the same Markdown${of}…\n`);
        writePlainProject(round.plainDir, articlesDir, ours.default.build?.concurrency ?? 1);
        round.plain = await timed(process.execPath, [astroBin, 'build', '--root', round.plainDir], env);
      }
      rounds.push(round);
    }
    process.stdout.write(`${report(options, rounds).join('\n')}\n`);
    if (options.keep) process.stderr.write(`kept ${work}\n`);
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
