/**
 * `npm run build`: builds the site into a temporary folder, indexes it with Pagefind, and only then
 * swaps it into place, so a build that fails or is killed half-way leaves the previous `dist/`
 * untouched (and its half-built folder clearly named `<out>.tmp-<pid>`).
 *
 * The pipeline runs here, in this process, while the Astro child starts up on the other core; the
 * child's loader receives the digest over IPC (`src/io/digest-handoff.ts`). A bad article stops the
 * build with every problem listed, before Astro renders anything.
 *
 * Usage: tsx scripts/build-site.ts [--out-dir <dir>]   (default `dist`)
 * Environment: CONTENT_DIR (articles, default content/articles), BASE_PATH (e.g. /news/),
 * SITE_URL (absolute origin; enables the sitemap), DIGEST_FILE (render a digest.json instead of
 * running the pipeline), ASTRO_CACHE_DIR (Astro's cache folder), DIGEST_CACHE_DIR (the pipeline's).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DigestError, UsageError } from '../src/errors.ts';
import { HANDOFF_ENV, serveDigest } from '../src/io/digest-handoff.ts';
import { contentDirFromEnv } from '../src/io/load-digest.ts';

const require = createRequire(import.meta.url);

/** Parses `--out-dir <dir>`; anything else is a usage error naming the option. */
export function parseArgs(argv: string[]): { outDir: string } {
  let outDir = 'dist';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--out-dir' && argv[i + 1] !== undefined) {
      outDir = argv[i + 1] as string;
      i += 1;
    } else if (arg?.startsWith('--out-dir=')) {
      outDir = arg.slice('--out-dir='.length);
    } else {
      throw new UsageError('unknown option', {
        file: 'command line',
        field: String(arg),
        found: String(arg),
        fix: 'use `npm run build -- --out-dir <dir>` or no option at all',
      });
    }
  }
  return { outDir };
}

/** True when a process with this id is running (a build that may still own its temp folder). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed build whose parent has not reaped it yet is a zombie: it owns nothing any more.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Removes temp and old folders left by builds that were killed, never one a live build owns. */
function removeLeftovers(out: string): void {
  const dir = path.dirname(out);
  const base = path.basename(out);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (match && !isAlive(Number(match[2]))) {
      console.log(`build: removing ${name}, left by a build that did not finish`);
      rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

/** Runs a Node CLI on this same Node binary (the repo's Node 24), inheriting output. */
function runNode(script: string, args: string[]): number {
  const result = spawnSync(process.execPath, [script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return result.status ?? 1;
}

/** Resolves with a child's exit code (1 when it was killed by a signal). */
function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

/**
 * Runs `astro build` into `tmp` while this process runs the pipeline and hands the child the
 * digest (unless DIGEST_FILE names one to render). Returns Astro's exit code, or 1 after printing
 * the articles' problems when the pipeline failed (Astro is stopped then).
 */
async function astroBuild(astroBin: string, tmp: string): Promise<number> {
  const handOff = !process.env.DIGEST_FILE;
  const child = spawn(process.execPath, [astroBin, 'build', '--outDir', tmp], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(handOff ? { [HANDOFF_ENV]: '1' } : {}) },
  });
  const exited = exitCode(child);
  if (handOff) {
    const started = Date.now();
    const outcome = await serveDigest(child, async () => {
      // Loaded only now, after the child has started: compiling the pipeline's modules is part of
      // what overlaps with Astro's startup.
      const { buildDigestFromDisk } = await import('../src/io/digest-from-disk.ts');
      // Progress lines would interleave with Astro's log, so the pipeline reports once, at the end.
      return buildDigestFromDisk(contentDirFromEnv(), process.cwd(), { progress: false }).digest;
    });
    if ('error' in outcome) {
      child.kill();
      await exited;
      if (!(outcome.error instanceof DigestError)) throw outcome.error;
      console.error(outcome.error.message);
      return 1;
    }
    const { stories, sources } = outcome.digest;
    console.log(`build: pipeline done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sources.length} articles, ${stories.length} stories`);
  }
  return exited;
}

/** Builds, indexes and swaps; resolves with the process exit code. */
export async function buildSite(outDir: string): Promise<number> {
  const started = Date.now();
  const out = path.resolve(outDir);
  const tmp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  removeLeftovers(out);
  if (!process.env.SITE_URL) {
    console.log('build: SITE_URL is not set, so there is no sitemap and the feed links to http://localhost; set SITE_URL=https://your.host for a site you deploy');
  }

  console.log(`build: astro build into ${path.relative(process.cwd(), tmp) || tmp}`);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  if ((await astroBuild(astroBin, tmp)) !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`build failed: see above; ${outDir} was left as it was.`);
    return 1;
  }

  console.log('build: indexing for search with Pagefind');
  // pagefind exports only its ESM entry (lib/index.js); its CLI sits beside it.
  const pagefindBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  // Only story pages are searchable (see src/pages/search.astro); the glob spares Pagefind from
  // parsing every source page only to find it carries no searchable part.
  if (runNode(pagefindBin, ['--site', tmp, '--glob', 'stories/**/*.html', '--quiet']) !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`build failed: Pagefind could not index the site; ${outDir} was left as it was.`);
    return 1;
  }
  if (!existsSync(path.join(tmp, 'index.html'))) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`build failed: no index.html was produced; ${outDir} was left as it was.`);
    return 1;
  }

  // Two renames: the old site is readable until the instant the new one takes its name.
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  console.log(`build: ${path.relative(process.cwd(), out) || out} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let outDir = 'dist';
  try {
    outDir = parseArgs(process.argv.slice(2)).outDir;
    process.exitCode = await buildSite(outDir);
  } catch (error) {
    rmSync(`${path.resolve(outDir)}.tmp-${process.pid}`, { recursive: true, force: true });
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
