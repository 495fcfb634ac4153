/**
 * The bad-input suite: one fixture folder per fault under tests/fixtures/ingest/<fault>/, each with
 * its input files in `input/` and the exact problems and warnings it must produce in `expected.json`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemListError, type DigestError } from '../../src/errors.ts';
import { readArticleFiles } from '../../src/io/article-files.ts';
import { buildDigest } from '../../src/pipeline/build-digest.ts';
import { ingestArticles, type IngestOptions } from '../../src/pipeline/ingest.ts';

const FIXTURES = 'tests/fixtures/ingest';

interface ExpectedProblem {
  file: string;
  line?: number;
  field?: string;
  class: string;
}

interface Expected {
  options: IngestOptions;
  articles: string[];
  problems: ExpectedProblem[];
  warnings: ExpectedProblem[];
  excluded: string[];
}

const faults = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'expected.json'))).sort();

function runFixture(fault: string) {
  const dir = join(FIXTURES, fault);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const files = readArticleFiles(join(dir, 'input'), join(dir, 'input'));
  return { files, expected, result: ingestArticles(files, expected.options) };
}

function shape(problem: DigestError): ExpectedProblem {
  return {
    file: problem.file,
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.field === undefined ? {} : { field: problem.field }),
    class: problem.constructor.name,
  };
}

function byPlace(a: ExpectedProblem, b: ExpectedProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? '');
}

describe('hostile inputs', () => {
  it('has a fixture for every fault the issue names', () => {
    for (const fault of [
      'yaml-syntax-error', 'missing-title', 'unknown-field', 'ill-typed-field', 'javascript-url', 'impossible-date',
      'far-future-date', 'empty-body', 'whitespace-only-body', 'binary-file', 'not-utf8', 'too-large',
      'duplicate-slug', 'duplicate-body', 'other-language', 'stray-files', 'mixed-folder',
    ]) {
      expect(faults).toContain(fault);
    }
  });

  it.each(faults)('%s: gets exactly the problems, warnings and exclusions in its expected.json', (fault) => {
    const { expected, result } = runFixture(fault);
    expect(result.problems.map(shape).sort(byPlace)).toEqual([...expected.problems].sort(byPlace));
    expect(result.warnings.map(shape).sort(byPlace)).toEqual([...expected.warnings].sort(byPlace));
    expect(result.excluded.map((e) => e.file)).toEqual(expected.excluded);
    expect(result.articles.map((a) => a.id).sort()).toEqual([...expected.articles].sort());
  });

  it.each(faults)('%s: accounts for every file, as an article, an exclusion or a problem naming it', (fault) => {
    const { files, result } = runFixture(fault);
    const accounted = new Set([
      ...result.articles.map((a) => a.file),
      ...result.excluded.map((e) => e.file),
      ...result.problems.map((p) => p.file),
    ]);
    for (const file of files) expect(accounted).toContain(file.path);
    // No file is both shown and failed.
    const failed = new Set(result.problems.map((p) => p.file));
    for (const article of result.articles) expect(failed.has(article.file)).toBe(false);
    expect(result.articles.length + result.excluded.length + failed.size).toBe(files.length);
  });

  it.each(faults)('%s: every problem and warning says what was found and how to fix it', (fault) => {
    const { result } = runFixture(fault);
    for (const problem of [...result.problems, ...result.warnings]) {
      expect(problem.found.trim()).not.toBe('');
      expect(problem.fix.trim()).not.toBe('');
      expect(problem.message.startsWith(problem.file)).toBe(true);
      expect(problem.message).toContain(problem.fix);
    }
  });

  it('never evaluates JavaScript front matter', () => {
    const { result } = runFixture('javascript-front-matter');
    expect((globalThis as Record<string, unknown>)['__ingestFixtureRan']).toBeUndefined();
    expect(result.problems[0]?.message).toContain('must be YAML');
  });

  it('decodes a Windows-1252 file so its accented letters and curly quotes survive', () => {
    const { result } = runFixture('not-utf8');
    expect(result.articles[0]?.meta.title).toBe('Café owners welcome the bridge plan');
    expect(result.articles[0]?.body).toContain('café said the plan was “long overdue”');
    expect(result.warnings[0]?.fix).toMatch(/re-save the file as UTF-8/);
  });

  it('names both files of an exact duplicate and keeps both articles', () => {
    const { result } = runFixture('duplicate-body');
    expect(result.warnings[0]?.file).toBe('bridge-syndicated.md');
    expect(result.warnings[0]?.message).toContain('copy of bridge.md');
    expect(result.articles).toHaveLength(2);
  });

  it('names both files that claim the same slug', () => {
    const { result } = runFixture('duplicate-slug');
    expect(result.problems[0]?.message).toContain('north/bridge.md');
    expect(result.problems[0]?.message).toContain('south/bridge.md');
  });

  it('names the size and the limit of a file that is too large', () => {
    const { result } = runFixture('too-large');
    expect(result.problems[0]?.message).toContain('2.8 KB (2,902 bytes), over the limit of 2.0 KB (2,048 bytes)');
  });

  it('keeps a preview of an alias-bomb value short instead of expanding it', () => {
    const { result } = runFixture('yaml-alias-bomb');
    const title = result.problems.find((p) => p.field === 'title');
    expect(title?.found.length).toBeLessThan(400);
  });

  it('points an unclosed quote at the line that opened it', () => {
    const { result } = runFixture('yaml-unclosed-quote');
    expect(result.problems[0]?.line).toBe(3);
    expect(result.problems[0]?.found).toMatch(/quoted scalar/);
  });

  it('lists the problems of every bad file of a mixed folder in one run', () => {
    const { result } = runFixture('mixed-folder');
    const failed = [...new Set(result.problems.map((p) => p.file))].sort();
    expect(failed).toEqual(['bad-link.md', 'drafts/bus-fares.md', 'empty.md', 'no-title.md', 'picture.md']);
  });

  it('fails the whole build with one error that lists every bad file of a mixed folder', () => {
    const { files } = runFixture('mixed-folder');
    let thrown: unknown;
    try {
      buildDigest(files);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemListError);
    const problems = (thrown as ProblemListError).problems;
    expect([...new Set(problems.map((p) => p.file))].sort()).toEqual(['bad-link.md', 'drafts/bus-fares.md', 'empty.md', 'no-title.md', 'picture.md']);
    for (const file of ['bad-link.md', 'drafts/bus-fares.md', 'empty.md', 'no-title.md', 'picture.md']) {
      expect((thrown as Error).message).toContain(file);
    }
  });

  it.each(faults.filter((fault) => runFixture(fault).result.problems.length === 0))(
    '%s: builds, and the report counts add up (input files = shown sources + excluded)',
    (fault) => {
      const { files, expected } = runFixture(fault);
      const { report, digest } = buildDigest(files, expected.options);
      expect(report.inputFiles).toBe(files.length);
      expect(report.sources).toBe(digest.sources.length);
      expect(report.inputFiles).toBe(report.sources + report.excluded.length);
      const listed = new Set([...digest.sources.map((s) => s.id), ...report.excluded.map((e) => e.file)]);
      for (const file of files) {
        const id = file.path.replace(/^.*\//, '').replace(/\.md$/i, '');
        expect(listed.has(id) || listed.has(file.path)).toBe(true);
      }
    },
  );

  it('lists an article with no sentence as excluded, with the reason, instead of showing it', () => {
    const { files } = runFixture('no-sentence');
    const { report, digest } = buildDigest(files);
    expect(digest.sources).toEqual([]);
    expect(report.excluded).toEqual([{ file: 'bridge.md', reason: expect.stringMatching(/no sentence/) }]);
  });

  it('keeps an exact duplicate as a copy of the original, so it is not counted as independent', () => {
    const { files } = runFixture('duplicate-body');
    const { digest, report } = buildDigest(files);
    expect(digest.sources.map((s) => [s.id, s.derivativeOf ?? null])).toEqual([
      ['bridge', null],
      ['bridge-syndicated', 'bridge'],
    ]);
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0]?.independentSourceCount).toBe(1);
    expect(report.warnings.some((w) => w.startsWith('bridge-syndicated.md'))).toBe(true);
  });

  it('passes the build date to ingest so a far-future article fails the build', () => {
    const { files, expected } = runFixture('far-future-date');
    expect(() => buildDigest(files, expected.options)).toThrow(ProblemListError);
    expect(() => buildDigest(files)).not.toThrow();
  });
});
