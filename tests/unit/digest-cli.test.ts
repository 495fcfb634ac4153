import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import type { BuildReport, Digest } from '../../src/types.ts';
import { formatReport, main, parseArgs } from '../../scripts/build-digest.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const content = path.join(repoRoot, 'tests/fixtures/merge/content');

/** Runs the CLI in-process and collects what it prints. */
function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, repoRoot, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'digest-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run digest', () => {
  it('prints each story as a table: sources, independent count, claims with marks, conflicts, left-out sentences', () => {
    const { code, stdout } = run(['--content-dir', content]);
    expect(code).toBe(0);
    expect(stdout).toContain('STORY  Harbor Freight Lines announces 800 job cuts at European ports');
    expect(stdout).toContain('3 sources, 2 independent');
    expect(stdout).toMatch(/\[1\] The Daily · 2026-03-03 · reporting by Wire Service · rewrite of \[3\] wire/);
    expect(stdout).toMatch(/\[1\]\[3\]\s+The company employs about 9,000 people/);
    expect(stdout).toMatch(/“1,200”\s+\[1\]\[3\]\s+\(1 independent\)/);
    expect(stdout).toMatch(/“800”\s+\[2\]\s+\(1 independent\)/);
    expect(stdout).toContain('“The outlook for shipping is grim.”');
    expect(stdout).toContain('opinion or rhetoric without a fact');
  });

  it('prints digest.json with --json, stable across runs', () => {
    const first = run(['--content-dir', content, '--json']);
    const second = run(['--content-dir', content, '--json']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const digest = JSON.parse(first.stdout) as Digest;
    expect(digest.schemaVersion).toBe(1);
    expect(digest.stories).toHaveLength(1);
    expect(digest.sources.map((s) => [s.id, s.derivativeOf ?? null, s.storySlug])).toEqual([
      ['daily', 'wire', digest.stories[0]?.slug],
      ['gazette', null, digest.stories[0]?.slug],
      ['wire', null, digest.stories[0]?.slug],
    ]);
    expect(first.stdout.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
  });

  it('accounts for every input file in the --report, with counts that add up', () => {
    const { code, stdout } = run(['--content-dir', content, '--report']);
    expect(code).toBe(0);
    expect(stdout).toContain('input files:       4');
    expect(stdout).toContain('shown as sources:  3');
    expect(stdout).toContain('tests/fixtures/merge/content/notes.txt');
    expect(stdout).toContain('4 in = 3 shown + 1 excluded');
    const json = JSON.parse(run(['--content-dir', content, '--report', '--json']).stdout) as BuildReport;
    expect(json.inputFiles).toBe(json.sources + json.excluded.length);
  });

  it('flags a report whose counts do not add up', () => {
    const report: BuildReport = { inputFiles: 3, sources: 1, excluded: [], warnings: [], cluster: { articles: 1, candidatePairs: 0, allPairs: 0 } };
    expect(formatReport(report)).toContain('COUNTS DO NOT ADD UP');
  });

  it('prints the problem and exits 1 when the content folder does not exist', () => {
    const { code, stdout, stderr } = run(['--content-dir', path.join(scratch, 'missing')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/the content folder does not exist/);
    expect(stderr).toMatch(/fix: /);
  });

  it('prints every problem in the articles and exits 1', () => {
    const broken = mkdtempSync(path.join(scratch, 'broken-'));
    writeFileSync(path.join(broken, 'bad.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const { code, stderr } = run(['--content-dir', broken]);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.md');
  });

  it('refuses an unknown option or a missing folder with a usage error', () => {
    expect(() => parseArgs(['--jsn'])).toThrow(UsageError);
    expect(() => parseArgs(['--content-dir'])).toThrow(/needs a folder/);
    expect(parseArgs(['--content-dir=x', '--json'])).toEqual({ contentDir: 'x', json: true, report: false });
    expect(run(['--jsn']).code).toBe(1);
  });

  it('runs as a command through tsx and sets the exit code', () => {
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['scripts/build-digest.ts', '--content-dir', content, '--json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).stories).toHaveLength(1);
    const bad = spawnSync(tsx, ['scripts/build-digest.ts', '--nope'], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown option');
    expect(bad.stderr).not.toContain('    at ');
  });
});
