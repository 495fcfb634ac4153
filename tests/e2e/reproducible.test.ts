/**
 * Reproducible output: two builds of the same content give a byte-identical `dist/`, and nothing in
 * it comes from the clock. Builds the seeds' site twice with the real build script (Astro and
 * Pagefind included), each into its own folder with its own Astro cache; the second from the
 * pipeline cache the first one wrote.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, buildSite, filesUnder, scratchDir } from './harness.ts';

const CONTENT_DIR = 'content/articles';

let work: string;
let first: string;
let second: string;

beforeAll(async () => {
  work = scratchDir('reproducible');
  // One after the other: both builds write Astro's generated types in the repo's .astro/ folder.
  // The second reads the pipeline cache the first wrote, so a cached build is held to a cold one.
  const DIGEST_CACHE_DIR = path.join(work, 'digest-cache');
  first = await buildSite(path.join(work, 'a'), { CONTENT_DIR, DIGEST_CACHE_DIR });
  second = await buildSite(path.join(work, 'b'), { CONTENT_DIR, DIGEST_CACHE_DIR });
}, 150_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir` (relative path, forward slashes) with the SHA-256 of its bytes. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir, '').map((file) => [path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** Ways a build date could be written into a page: ISO, RFC 822 (feeds), and long English. */
function dateStrings(date: Date): string[] {
  const iso = date.toISOString().slice(0, 10);
  const day = date.getUTCDate();
  const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const longMonth = date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const year = date.getUTCFullYear();
  return [iso, `${String(day).padStart(2, '0')} ${month} ${year}`, `${day} ${longMonth} ${year}`, `${longMonth} ${day}, ${year}`];
}

describe('two builds of the same content', () => {
  it('write the same files with the same bytes', () => {
    const a = hashes(first);
    const b = hashes(second);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
  });

  it('carry no trace of the day they were built', () => {
    const content = readdirSync(path.join(REPO_ROOT, CONTENT_DIR))
      .map((name) => readFileSync(path.join(REPO_ROOT, CONTENT_DIR, name), 'utf8'))
      .join('\n');
    // Today's date may only appear if an article itself states it.
    const today = dateStrings(new Date()).filter((text) => !content.includes(text));
    expect(today.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of filesUnder(first, '')) {
      if (!/\.(html|xml|json|txt|css|js)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const date of today) if (text.includes(date)) found.push(`${path.relative(first, file)}: ${date}`);
    }
    expect(found).toEqual([]);
  });
});
