/**
 * `npm run audit [-- --build] [--desktop] [--min N] [--dist DIR]`
 *
 * Runs Lighthouse (the npm package, with Debian's Chromium) over the home page, one story page and
 * the timeline of the built site, and prints the four category scores per page, plus the audits
 * that cost points. Uses the existing `dist/` when there is one (`--build` rebuilds first), serves
 * it with a plain static server under `BASE_PATH` on a free port, and never touches the network.
 * `--min N` exits non-zero when any score is below N (0–100). Not part of `npm test`: it takes about
 * 15 s per page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { UsageError } from '../src/errors.ts';
import { serveStatic } from '../src/io/static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface CliOptions {
  build: boolean;
  desktop: boolean;
  min: number | undefined;
  /** The built site; default `dist`. */
  dist: string;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { build: false, desktop: false, min: undefined, dist: path.resolve('dist') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--build') options.build = true;
    else if (arg === '--desktop') options.desktop = true;
    else if (arg === '--dist' && argv[i + 1] !== undefined) options.dist = path.resolve(argv[(i += 1)] as string);
    else if (arg === '--min') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isFinite(value) || value < 0 || value > 100) {
        throw new UsageError('bad audit option', { file: 'command line', field: '--min', found: String(argv[i]), fix: 'pass a score from 0 to 100' });
      }
      options.min = value;
    } else {
      throw new UsageError('bad audit option', { file: 'command line', field: arg, found: JSON.stringify(arg), fix: 'use npm run audit -- [--build] [--desktop] [--min N] [--dist DIR]' });
    }
  }
  return options;
}

/** Runs a command with inherited output and resolves when it succeeds. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Starts Chromium with a DevTools port of its own choosing and resolves with that port. */
function launchChromium(profileDir: string): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, [...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 20 s; stderr:\n${seen}`)), 20_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${CHROMIUM} (${error.message}); install it with: apt-get install -y chromium`));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]), child });
      }
    });
  });
}

/** The pages audited: home, the first story (by slug) and the timeline, relative to the base URL. */
function pagesToAudit(dist: string): { name: string; path: string }[] {
  const storiesDir = path.join(dist, 'stories');
  const story = existsSync(storiesDir)
    ? readdirSync(storiesDir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(storiesDir, e.name, 'index.html'))).map((e) => e.name).sort()[0]
    : undefined;
  return [
    { name: 'home', path: '' },
    ...(story === undefined ? [] : [{ name: `story (${story})`, path: `stories/${story}/` }]),
    { name: 'timeline', path: 'timeline/' },
  ];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync(path.join(options.dist, 'index.html'))) {
    process.stderr.write('building the site (npm run build)…\n');
    await run('npm', ['run', 'build']);
  }
  const server = await serveStatic(options.dist, process.env.BASE_PATH || '/');
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'audit-chromium-'));
  const chromium = await launchChromium(profileDir);
  const rows: string[][] = [];
  const losses: string[] = [];
  let below = false;
  try {
    for (const page of pagesToAudit(options.dist)) {
      const url = new URL(page.path, server.url).href;
      process.stderr.write(`auditing ${url}…\n`);
      const result = await lighthouse(
        url,
        { port: chromium.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] },
        options.desktop ? desktopConfig : undefined,
      );
      if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
      if (options.min !== undefined && scores.some((score) => score < (options.min as number))) below = true;
      rows.push([page.name, ...scores.map(String)]);
      for (const id of CATEGORIES) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit !== undefined && audit.score !== null && audit.score < 1) {
            losses.push(`  ${page.name} · ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
          }
        }
      }
    }
  } finally {
    // Chromium writes to its profile until it has exited, so wait for that before deleting it.
    const exited = new Promise((resolve) => chromium.child.once('exit', resolve));
    chromium.child.kill();
    await exited;
    await server.close();
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 5 });
  }

  const header = ['page', ...CATEGORIES];
  const widths = header.map((_h, col) => Math.max(...[header, ...rows].map((row) => (row[col] ?? '').length)));
  const format = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   ');
  process.stdout.write(`Lighthouse ${options.desktop ? 'desktop' : 'mobile'} scores (0–100)\n\n${[header, ...rows].map(format).join('\n')}\n`);
  if (losses.length > 0) process.stdout.write(`\nAudits that cost points:\n${losses.join('\n')}\n`);
  if (below) {
    process.stderr.write(`some score is below ${options.min}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
