import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemListError } from '../../src/errors.ts';
import { buildDate, buildDigestFromDisk } from '../../src/io/digest-from-disk.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureContent = path.join(here, '../fixtures/merge/content');
const scratch = mkdtempSync(path.join(tmpdir(), 'digest-from-disk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A throw-away repo root holding a copy of the fixture articles and the pipeline sources the cache version hashes. */
function makeRepo(name: string): string {
  const root = path.join(scratch, name);
  cpSync(fixtureContent, path.join(root, 'content'), { recursive: true });
  return root;
}

describe('buildDate', () => {
  it('uses the UTC day of SOURCE_DATE_EPOCH when it is set, so reproducible builds judge dates alike', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
  });

  it('falls back to the real day when SOURCE_DATE_EPOCH is absent or not a number', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(buildDate({})).toBe(today);
    expect(buildDate({ SOURCE_DATE_EPOCH: 'soon' })).toBe(today);
  });
});

describe('buildDigestFromDisk', () => {
  it('gives the same digest from a warm cache as from a cold build, and writes the cache under the repo root', () => {
    const root = makeRepo('warm');
    const env = { CI: 'true' };
    const cold = buildDigestFromDisk('content', root, { env, cache: false });
    const first = buildDigestFromDisk('content', root, { env });
    const warm = buildDigestFromDisk('content', root, { env });
    expect(JSON.stringify(first.digest)).toBe(JSON.stringify(cold.digest));
    expect(JSON.stringify(warm.digest)).toBe(JSON.stringify(cold.digest));
    expect(cold.digest.sources.length).toBeGreaterThan(0);
  });

  it('keeps the cache in DIGEST_CACHE_DIR when it is set, and leaves the default folder alone', () => {
    const root = makeRepo('cache-dir');
    const elsewhere = path.join(scratch, 'cache-elsewhere');
    buildDigestFromDisk('content', root, { env: { CI: 'true', DIGEST_CACHE_DIR: elsewhere } });
    expect(existsSync(path.join(elsewhere, 'CACHEDIR.TAG'))).toBe(true);
    expect(existsSync(path.join(root, '.cache', 'digest'))).toBe(false);
  });

  it('rejects an article dated after the build day given by SOURCE_DATE_EPOCH', () => {
    const root = makeRepo('future');
    writeFileSync(
      path.join(root, 'content', 'from-the-future.md'),
      '---\ntitle: A report from next year\noutlet: Tomorrow Times\npublished: 2026-06-01\norigin: content/from-the-future.md\n---\nThe ferry service resumed after the storm, officials said on Monday.\n',
    );
    const env = { CI: 'true', SOURCE_DATE_EPOCH: '1767225600' };
    expect(() => buildDigestFromDisk('content', root, { env, cache: false })).toThrow(ProblemListError);
    expect(() => buildDigestFromDisk('content', root, { env, cache: false })).toThrow(/from-the-future\.md/);
  });
});
