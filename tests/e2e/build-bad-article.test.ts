/**
 * A bad article stops `npm run build` before Astro renders anything: the build exits 1, lists each
 * problem with its file and field, and leaves the previous site as it was.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfContent, runScript, scratchForTests } from './harness.ts';

const scratch = scratchForTests('site-bad');

describe('a build with a bad article', () => {
  it('fails with the file and field named and keeps the previous dist', async () => {
    const work = scratch();
    const content = copyOfContent(work);
    writeFileSync(path.join(content, 'ferry-strike.md'), '---\ntitle: Ferry crews walk out\npublished: 2026-13-40\noutlet: Harbour Gazette\norigin: content/raw/ferry-strike.txt\n---\nFerry crews walked out on Monday morning.\n');
    const out = path.join(work, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<!doctype html><title>previous</title><p>previous site</p>');

    const result = await runScript('scripts/build-site.ts', ['--out-dir', out], { CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(work, 'astro-cache'), DIGEST_CACHE_DIR: path.join(work, 'digest-cache') });

    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/ferry-strike\.md:3 \(published\)/);
    expect(result.output).toMatch(/fix: write `published: YYYY-MM-DD`/);
    expect(result.output).not.toMatch(/page\(s\) built/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('previous site');
    expect(readdirSync(work).filter((name) => name.startsWith('dist.'))).toEqual([]);
  }, 120_000);
});
