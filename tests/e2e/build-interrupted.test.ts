/**
 * Interruption: `npm run build` writes to `<out>.tmp-<pid>` and swaps at the end, so a build
 * killed half-way leaves the previous site whole, and the next build clears the leftover.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, buildSite, cleanEnv, scratchForTests } from './harness.ts';

/** Waits until no process of the killed group is left (grandchildren exit a moment after the parent). */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const scratch = scratchForTests('site-kill');

describe('a build killed half-way', () => {
  it('leaves the previous dist untouched and is cleaned up by the next build', async () => {
    const work = scratch();
    const out = path.join(work, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<!doctype html><title>previous</title><p>previous site</p>');

    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build-site.ts', '--out-dir', out], {
      cwd: REPO_ROOT,
      env: { ...cleanEnv(), ASTRO_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    // Kill the whole build (tsx, the script, Astro) once it has started writing its temp folder.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const tmp = readdirSync(work).find((name) => name.startsWith('dist.tmp-'));
        if (tmp !== undefined || Date.now() - started > 60_000) {
          clearInterval(poll);
          if (tmp === undefined) reject(new Error('the build never created its temp folder'));
          else {
            process.kill(-(child.pid as number), 'SIGKILL');
            resolve();
          }
        }
      }, 50);
    });
    await new Promise((resolve) => child.on('close', resolve));
    await groupGone(child.pid as number);

    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('previous site');
    expect(readdirSync(work).some((name) => name.startsWith('dist.tmp-'))).toBe(true);

    await buildSite(work, { BASE_PATH: '/', CONTENT_DIR: 'content/articles' });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('previous site');
    expect(existsSync(path.join(out, 'pagefind'))).toBe(true);
    expect(readdirSync(work).filter((name) => /^dist\.(tmp|old)-/.test(name))).toEqual([]);
  }, 120_000);
});
