/**
 * Shared machinery of the end-to-end tests: build a site into a temp folder with the real build
 * script and drive Debian's Chromium through playwright-core. The tests serve the built site with
 * `serveStatic` from `src/io/static-server.ts`, the plain static server `npm run audit` uses.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** Node 24 of the repo (the tests run on it), used to run the repo's scripts. */
const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** A fresh temp folder under the repo's git-ignored scratch space (scripts there import project packages). */
export function scratchDir(prefix: string): string {
  // Inside the repo (git-ignored), so content copied there keeps repo-relative paths.
  const root = path.join(REPO_ROOT, '.scratch');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(path.join(root, `${prefix}-`));
}

/**
 * A scratch folder for the tests of one file: made before they run, removed after. Returns a
 * getter, to call inside a test (the folder does not exist yet when the file is loaded).
 */
export function scratchForTests(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = scratchDir(prefix);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error(`the ${prefix} scratch folder is only there while the tests run`);
    return dir;
  };
}

/** A copy of the project's articles in `work/content`, for a test to add to; returns its path. */
export function copyOfContent(work: string): string {
  const content = path.join(work, 'content');
  mkdirSync(content);
  cpSync(path.join(REPO_ROOT, 'content', 'articles'), content, { recursive: true });
  return content;
}

/**
 * The environment without what vitest adds for its own Vite (BASE_URL, MODE, NODE_ENV=test…):
 * a child Astro build would read them as its own and, for one, ignore BASE_PATH.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  }
  return env;
}

/** Runs a repo script with tsx; resolves with its exit code and output, never throws. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX_CLI, path.join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Builds the site with `scripts/build-site.ts` into `<work>/dist`, with Astro's and the pipeline's
 * caches in `work` too (test files build in parallel, and never touch the editor's caches); throws
 * with the build output on failure.
 */
export async function buildSite(work: string, env: Record<string, string>): Promise<string> {
  const out = path.join(work, 'dist');
  const caches = { ASTRO_CACHE_DIR: path.join(work, 'astro-cache'), DIGEST_CACHE_DIR: path.join(work, 'digest-cache') };
  const result = await runScript('scripts/build-site.ts', ['--out-dir', out], { ...caches, ...env });
  if (result.code !== 0) throw new Error(`site build failed (exit ${result.code}):\n${result.output}`);
  return out;
}

/** Launches Debian's Chromium headless, with nothing that reaches the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Every file under `dir` whose name ends with `ext`, as absolute paths, sorted. */
export function filesUnder(dir: string, ext: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(ext)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}
