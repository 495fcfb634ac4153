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

/** Runs the CLI in-process (without touching the repo's cache) and collects what it prints. */
function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(['--no-cache', ...argv], repoRoot, (t) => (stdout += t), (t) => (stderr += t));
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
    expect(stdout).toMatch(/^ {4}wire → story harbor-freight-lines-announces-800-job-cuts-at-european$/m);
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
    expect(parseArgs(['--content-dir=x', '--json'])).toEqual({ contentDir: 'x', json: true, report: false, cache: true });
    expect(parseArgs(['--no-cache'], { CONTENT_DIR: 'elsewhere' })).toEqual({ contentDir: 'elsewhere', json: false, report: false, cache: false });
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

describe('npm run digest on the seed articles (content/articles)', () => {
  const seeds = path.join(repoRoot, 'content/articles');
  const digest = JSON.parse(run(['--content-dir', seeds, '--json']).stdout) as Digest;
  const story = digest.stories[0]!;
  const idOf = (origin: string) => digest.sources.find((s) => s.origin.endsWith(origin))?.id ?? origin;
  const [s000, s001, s002, s003, s004] = ['000_871948f4bc6207a2.txt', '001_500cb46ae692670d.txt', '002_c827eb204cec3d88.txt', '003_6e3a67f70f08d82d.txt', '004_9de9d384e8e8327b.txt'].map(
    (file) => idOf(`seeds/${file}`),
  );
  const variantsOf = (value: string) => story.conflicts.find((c) => c.variants.some((v) => v.text === value))?.variants.map((v) => [v.text, v.sourceIds]);

  it('makes one story of all five seeds, three of them one report', () => {
    expect(digest.stories).toHaveLength(1);
    expect(story.sourceIds).toHaveLength(5);
    expect(story.independentSourceCount).toBe(3);
  });

  it('shows the lab’s name, the investment amount and the benchmark verdict as the only disagreements, with their sources', () => {
    expect(variantsOf('Meta Superintelligence Labs')).toEqual([
      ['Meta Intelligence Labs', [s000, s001, s003].sort()],
      ['Meta Superintelligence Labs', [s002, s004].sort()],
    ]);
    expect(variantsOf('$14 billion')).toEqual([
      ['$14.3 billion', [s000, s001, s002, s003].sort()],
      ['$14 billion', [s004]],
    ]);
    // "outperforms" (two sources) against "competitive with …, although it does not surpass them" (one).
    const stance = story.conflicts.find((c) => c.kind === 'stance');
    expect(stance?.variants.map((v) => v.sourceIds)).toEqual([[s000, s001].sort(), [s002]]);
    expect(stance?.variants[0]?.text).toMatch(/outperforms/u);
    expect(stance?.variants[1]?.text).toMatch(/^Competitive with .* does not surpass them across the board$/u);
    expect(story.conflicts.map((c) => c.kind).sort()).toEqual(['contradiction', 'rounding', 'stance']);
  });

  it('marks the sources that state only the plan to open later versions as partial support, with the part they support', () => {
    const closed = story.claims.find((c) => /not available for external developers/u.test(c.text));
    const partial = closed?.support.filter((s) => s.part === 'partial') ?? [];
    expect(partial.map((s) => s.sourceId)).toEqual([s001, s002, s004].sort());
    for (const s of partial) expect(s.span).toMatch(/^Meta notes it hopes to release open-source versions of future iterations/u);
    expect(closed?.support.find((s) => s.sourceId === s000)?.part).toBe('full');
  });

  it('audits a story: each multi-source claim with every cited sentence, its support label and the part a partial source supports', () => {
    const { code, stdout } = run(['--content-dir', seeds, '--audit', story.slug]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^AUDIT {2}meta-unveils-muse-spark: \d+ claims stated by two or more sources/u);
    expect(stdout).toMatch(/\[\d\] partial {2}Bigger models are already in development/u);
    expect(stdout).toMatch(/supports: Meta notes it hopes to release open-source versions/u);
    expect(stdout).toMatch(/DISAGREEMENTS ON WHAT IS ASSERTED \(1\)/u);
    const audit = JSON.parse(run(['--content-dir', seeds, '--audit', story.slug, '--json']).stdout) as { claims: { citations: unknown[] }[] };
    const multi = story.claims.filter((c) => c.sourceIds.length >= 2);
    expect(audit.claims).toHaveLength(multi.length);
    expect(audit.claims.map((c) => c.citations.length)).toEqual(multi.map((c) => c.sentenceIds.length));
  });

  it('refuses to audit a story that does not exist, naming the slugs there are', () => {
    const { code, stderr } = run(['--content-dir', seeds, '--audit', 'no-such-story']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no story has this slug[\s\S]*found: no-such-story[\s\S]*use one of: meta-unveils-muse-spark/u);
    expect(() => parseArgs(['--audit'])).toThrow(/needs a story slug/u);
  });

  it('cites no source for a claim that source states the opposite of', () => {
    const benchmark = story.claims.find((c) => /outperforms the latest leading models/u.test(c.text));
    expect(benchmark?.sourceIds).not.toContain(s002);
  });

  it('does not show the previous model’s “April 2025” and “early 2025” as a disagreement: April is early in the year', () => {
    expect(variantsOf('early 2025')).toBeUndefined();
    expect(variantsOf('April 2025')).toBeUndefined();
  });

  it('names each disagreement in the sources’ words, not with a keyword label', () => {
    for (const conflict of story.conflicts) expect(conflict.topic).not.toMatch(/\((?:name|figure|date)\)$/);
    expect(story.conflicts.find((c) => c.kind === 'rounding')?.topic).toContain('Scale AI');
  });

  it('cites a shared fact to every seed that states it and to none that does not', () => {
    const score = story.claims.find((c) => /\b52\b/.test(c.text));
    expect(score?.sourceIds).toEqual([s000, s001, s003, s004].sort());
    const stake = story.claims.find((c) => c.text.includes('$14.3 billion'));
    expect(stake?.sourceIds).toEqual([s000, s001, s002, s003].sort());
    expect(story.claims.filter((c) => /\b52\b/.test(c.text) && c.text.includes('Intelligence Index'))).toHaveLength(1);
  });

  it('takes its headline from a source’s headline, at most 120 characters, not from a lead', () => {
    expect(story.title.length).toBeLessThanOrEqual(120);
    expect(digest.sources.some((source) => source.title !== 'unknown' && source.title.startsWith(story.title))).toBe(true);
  });

  it('carries no page chrome into the story', () => {
    const body = story.claims.map((c) => c.text).join('\n');
    expect(body).not.toMatch(/Recommended Video|\(Source: Wired\)|Last Updated on|Frequently Asked Questions|▼ Summary/);
  });
});

