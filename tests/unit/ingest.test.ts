import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleConflictError, ArticleFileError, FrontMatterError, OptionError } from '../../src/errors.ts';
import { readArticleFiles } from '../../src/io/article-files.ts';
import {
  DEFAULT_MAX_BYTES,
  createMemoryIngestCache,
  ingestArticles,
  ingestCacheKey,
  type IngestCache,
  type IngestResult,
} from '../../src/pipeline/ingest.ts';
import type { ArticleFile } from '../../src/types.ts';

const BODY =
  'The regional rail operator said on Thursday that it would run extra trains on the coast line during the summer, ' +
  'after passenger numbers rose sharply last year.\n';

function article(path: string, fields: Record<string, string> = {}, body = BODY): ArticleFile {
  const all = { title: 'Extra summer trains', outlet: 'Coast Courier', published: '2026-05-14', origin: path, ...fields };
  const front = Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return { path, bytes: new TextEncoder().encode(`---\n${front}\n---\n${body}`) };
}

describe('ingestArticles', () => {
  it('turns a valid file into an article with its slug as id, its meta, its body and the hash of its bytes', () => {
    const file = article('content/articles/summer-trains.md', { url: 'https://example.org/trains', author: 'R. Vale' });
    const { articles, problems, warnings, excluded } = ingestArticles([file]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(excluded).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'summer-trains',
        file: 'content/articles/summer-trains.md',
        meta: {
          title: 'Extra summer trains',
          outlet: 'Coast Courier',
          published: '2026-05-14',
          url: 'https://example.org/trains',
          author: 'R. Vale',
          origin: 'content/articles/summer-trains.md',
          language: 'en',
        },
        body: BODY,
        contentHash: createHash('sha256').update(file.bytes).digest('hex'),
      },
    ]);
  });

  it('refuses a file name that cannot be a web address and suggests a slug for it', () => {
    const { problems, articles } = ingestArticles([article('c/Café’s summer trains!.md')]);
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(ArticleFileError);
    expect(problems[0]?.message).toContain('cannot be used as a web address');
    expect(problems[0]?.fix).toContain('`cafes-summer-trains.md`');
  });

  it('returns the same result whatever order the files come in', () => {
    const files = [article('c/b.md'), article('c/a.md', { title: 'Other' }), { path: 'c/x.txt', bytes: new Uint8Array([0x41]) }];
    const forward = ingestArticles(files);
    const backward = ingestArticles([...files].reverse());
    expect(backward).toEqual(forward);
    expect(forward.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('reports every problem of every file in one run instead of stopping at the first', () => {
    const { problems, articles } = ingestArticles([
      article('c/one.md', { title: '', url: '"javascript:alert(1)"' }),
      article('c/two.md', { published: '2026-02-30' }, '   \n'),
      article('c/three.md'),
    ]);
    expect(problems.map((p) => [p.file, p.field ?? null, p.constructor.name])).toEqual([
      ['c/one.md', 'title', 'FrontMatterError'],
      ['c/one.md', 'url', 'FrontMatterError'],
      ['c/two.md', 'published', 'FrontMatterError'],
      ['c/two.md', null, 'ArticleFileError'],
    ]);
    expect(articles.map((a) => a.id)).toEqual(['three']);
  });

  it('refuses two files whose names differ only in case, naming both', () => {
    const { problems, articles } = ingestArticles([article('c/trains.md'), article('c/Trains.md', {}, 'A different text.\n')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(ArticleConflictError);
    expect(problems[0]?.file).toBe('c/trains.md');
    expect(problems[0]?.found).toContain('c/Trains.md');
    expect(articles.map((a) => a.file)).toEqual(['c/Trains.md']);
  });

  it('keeps an exact copy of another article and warns naming both files', () => {
    const { articles, warnings } = ingestArticles([article('c/a.md'), article('c/b.md', { outlet: 'Harbour Gazette' })]);
    expect(articles).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.file).toBe('c/b.md');
    expect(warnings[0]?.message).toContain('c/a.md');
  });

  it('takes the earlier-dated of two identical articles for the original', () => {
    const { warnings } = ingestArticles([
      article('c/a.md', { published: '2026-05-15' }),
      article('c/b.md', { published: '2026-05-13' }),
      article('c/c.md', { published: 'unknown' }),
    ]);
    expect(warnings.map((w) => [w.file, w.found])).toEqual([
      ['c/a.md', 'the same text as c/b.md'],
      ['c/c.md', 'the same text as c/b.md'],
    ]);
  });

  it('does not call two articles copies when only their front matter is the same', () => {
    const { warnings } = ingestArticles([article('c/a.md'), article('c/b.md', {}, 'A completely different report.\n')]);
    expect(warnings).toEqual([]);
  });

  it('lists non-Markdown files as excluded with the reason and the fix', () => {
    const { excluded, articles } = ingestArticles([
      article('c/a.md'),
      { path: 'c/raw.txt', bytes: new TextEncoder().encode('text') },
      { path: 'c/.DS_Store', bytes: new Uint8Array([0, 0, 1]) },
      { path: 'c/.gitkeep', bytes: new Uint8Array() },
    ]);
    expect(articles).toHaveLength(1);
    expect(excluded.map((e) => e.file)).toEqual(['c/.DS_Store', 'c/.gitkeep', 'c/raw.txt']);
    expect(excluded[2]?.reason).toBe('not a .md content file; import it with npm run add');
  });

  it('accepts a date up to two days after the build date and refuses a later one', () => {
    const files = [article('c/ok.md', { published: '2026-11-27' }), article('c/late.md', { published: '2026-11-28' }, 'Another text.\n')];
    const { problems, articles } = ingestArticles(files, { today: '2026-11-25' });
    expect(articles.map((a) => a.id)).toEqual(['ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(FrontMatterError);
    expect(problems[0]?.file).toBe('c/late.md');
    expect(problems[0]?.field).toBe('published');
    expect(problems[0]?.line).toBe(4);
    expect(problems[0]?.found).toContain('2026-11-27');
  });

  it('makes no future-date check when no build date is given', () => {
    expect(ingestArticles([article('c/a.md', { published: '2099-01-01' })]).problems).toEqual([]);
  });

  it('still reports a far-future date when another field of the same file is wrong', () => {
    const { problems } = ingestArticles([article('c/a.md', { published: '2099-01-01', title: '' })], { today: '2026-11-25' });
    expect(problems.map((p) => p.field)).toEqual(['title', 'published']);
  });

  it('keeps the calendar day a timestamp states, not its UTC day', () => {
    const { articles } = ingestArticles([article('c/a.md', { published: '2026-04-09T23:30:00-05:00' })]);
    expect(articles[0]?.meta.published).toBe('2026-04-09');
  });

  it('refuses an impossible date whether or not it is quoted, instead of rolling it over', () => {
    for (const published of ['2026-02-30', '"2026-02-30"', '2026-02-30T10:00:00Z']) {
      const { problems } = ingestArticles([article('c/a.md', { published })]);
      expect(problems.map((p) => [p.field, p.line])).toEqual([['published', 4]]);
      expect(problems[0]?.found).toContain('2026-02-30');
    }
  });

  it('reports a published value that is no date at all once, as not a calendar date', () => {
    for (const published of ['yesterday', 'April 9', '"09/04/2026"']) {
      const { problems } = ingestArticles([article('c/a.md', { published })]);
      expect(problems.map((p) => p.message.split('\n')[0])).toEqual([expect.stringMatching(/must be a calendar date as YYYY-MM-DD/)]);
    }
  });

  it('refuses a calendar date before 1800 as implausible', () => {
    const { problems } = ingestArticles([article('c/a.md', { published: '1750-06-01' })]);
    expect(problems.map((p) => p.message.split('\n')[0])).toEqual([expect.stringMatching(/is before 1800/)]);
  });

  it('accepts `published: unknown`', () => {
    const { articles } = ingestArticles([article('c/a.md', { published: 'unknown' })], { today: '2026-11-25' });
    expect(articles[0]?.meta.published).toBe('unknown');
  });

  it('refuses a file over the default 1 MB limit without decoding it, naming its size and the limit', () => {
    const big = new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61);
    const { problems } = ingestArticles([{ path: 'c/huge.md', bytes: big }]);
    expect(DEFAULT_MAX_BYTES).toBe(1024 * 1024);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(ArticleFileError);
    expect(problems[0]?.message).toContain('1.0 MB (1,048,577 bytes), over the limit of 1.0 MB (1,048,576 bytes)');
    expect(problems[0]?.found).toBe(`${DEFAULT_MAX_BYTES + 1} bytes`);
  });

  it('checks its options where they are passed', () => {
    expect(() => ingestArticles([], { maxBytes: 0 })).toThrow(OptionError);
    expect(() => ingestArticles([], { maxBytes: Number.NaN })).toThrow(OptionError);
    expect(() => ingestArticles([], { today: '25/11/2026' })).toThrow(OptionError);
    expect(() => ingestArticles([], { today: '2026-02-30' })).toThrow(OptionError);
  });

  it('reads Windows line endings and gives the body Unix ones', () => {
    const file = article('c/a.md', {}, 'First line.\nSecond line.\n');
    const crlf = new TextEncoder().encode(new TextDecoder().decode(file.bytes).replace(/\n/g, '\r\n'));
    const { articles, problems } = ingestArticles([{ path: 'c/a.md', bytes: crlf }]);
    expect(problems).toEqual([]);
    expect(articles[0]?.body).toBe('First line.\nSecond line.\n');
  });

  it('does not judge the language of a text too short to tell', () => {
    const { warnings } = ingestArticles([article('c/a.md', {}, 'Der Zug fährt morgen früh ab.\n')]);
    expect(warnings).toEqual([]);
  });

  it('gives a file name saved decomposed (as macOS does) the composed id', () => {
    const { articles } = ingestArticles([article('c/cafe\u0301.md')]);
    expect(articles[0]?.id).toBe('caf\u00e9');
  });

  it('reads an article in a subfolder with the file name as its id', () => {
    const { articles } = ingestArticles([article('content/articles/2026/may/trains.md')]);
    expect(articles[0]?.id).toBe('trains');
  });
});

describe('readArticleFiles', () => {
  let root = '';
  afterEach(() => {
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  it('returns every file under the folder, hidden and nested ones too, sorted, with repo-relative paths', () => {
    root = mkdtempSync(join(tmpdir(), 'ingest-'));
    const dir = join(root, 'content', 'articles');
    mkdirSync(join(dir, 'old'), { recursive: true });
    writeFileSync(join(dir, 'b.md'), 'b');
    writeFileSync(join(dir, 'a.md'), 'a');
    writeFileSync(join(dir, '.DS_Store'), new Uint8Array([0, 1]));
    writeFileSync(join(dir, 'old', 'c.txt'), 'c');
    const files = readArticleFiles(dir, root);
    expect(files.map((f) => f.path)).toEqual([
      'content/articles/.DS_Store',
      'content/articles/a.md',
      'content/articles/b.md',
      'content/articles/old/c.txt',
    ]);
    expect(new TextDecoder().decode(files[1]?.bytes)).toBe('a');
    expect(files[0]?.bytes).toEqual(new Uint8Array([0, 1]));
  });

  it('throws an ArticleFileError naming the folder when it does not exist', () => {
    root = mkdtempSync(join(tmpdir(), 'ingest-'));
    expect(() => readArticleFiles(join(root, 'content', 'articles'), root)).toThrow(ArticleFileError);
    expect(() => readArticleFiles(join(root, 'content', 'articles'), root)).toThrow(/content\/articles/);
  });
});

/** An ingest result as plain data: every problem and warning with its class and all its fields. */
function plain(result: IngestResult): unknown {
  const problem = (p: Error) => ({ ...p, kind: p.constructor.name, message: p.message });
  return {
    articles: result.articles,
    problems: result.problems.map(problem),
    warnings: result.warnings.map(problem),
    excluded: result.excluded,
  };
}

/** A memory ingest cache that counts the reads that found an entry, and records the keys written. */
function countingCache(): IngestCache & { hits: number; writes: string[]; readonly size: number } {
  const inner = createMemoryIngestCache();
  const cache = {
    hits: 0,
    writes: [] as string[],
    get size() {
      return inner.size;
    },
    get(key: string) {
      const value = inner.get(key);
      if (value !== undefined) cache.hits += 1;
      return value;
    },
    set(key: string, value: Parameters<IngestCache['set']>[1]) {
      cache.writes.push(key);
      inner.set(key, value);
    },
  };
  return cache;
}

describe('ingestArticles with a cache', () => {
  const FIXTURES = 'tests/fixtures/ingest';

  it('gives exactly the uncached result for every bad-input fixture, with an empty cache and a full one', () => {
    for (const fault of readdirSync(FIXTURES)) {
      const input = join(FIXTURES, fault, 'input');
      const files = readArticleFiles(input, input);
      const options = { today: '2026-11-25' };
      const expected = plain(ingestArticles(files, options));
      const cache = countingCache();
      expect(plain(ingestArticles(files, options, cache)), fault).toEqual(expected);
      expect(plain(ingestArticles(files, options, cache)), fault).toEqual(expected);
    }
  });

  it('serves an unchanged clean file from the cache and parses a changed one afresh', () => {
    const files = [article('c/one.md'), article('c/two.md', { title: 'Second headline' }, 'A different text about trams.\n')];
    const cache = countingCache();
    ingestArticles(files, {}, cache);
    expect(cache.writes).toHaveLength(2);
    const edited = article('c/two.md', { title: 'Second headline, corrected' }, 'A different text about trams.\n');
    const result = ingestArticles([files[0]!, edited], {}, cache);
    expect(cache.hits).toBe(1);
    expect(cache.writes).toHaveLength(3);
    expect(cache.writes[2]).toBe(ingestCacheKey(edited));
    expect(result).toEqual(ingestArticles([files[0]!, edited]));
    expect(result.articles[1]?.meta.title).toBe('Second headline, corrected');
  });

  it('still warns about two files with the same text when both come from the cache', () => {
    const files = [article('c/original.md'), article('c/copy.md', { published: '2026-05-15', title: 'Extra trains this summer' })];
    const cache = countingCache();
    const cold = ingestArticles(files, {}, cache);
    expect(cold.warnings).toHaveLength(1);
    const warm = ingestArticles(files, {}, cache);
    expect(cache.hits).toBe(2);
    expect(plain(warm)).toEqual(plain(cold));
  });

  it('does not share an entry between the same bytes under two names', () => {
    const cache = countingCache();
    ingestArticles([article('c/first.md')], {}, cache);
    const { articles } = ingestArticles([article('c/second.md')], {}, cache);
    expect(cache.hits).toBe(0);
    expect(articles.map((a) => a.id)).toEqual(['second']);
  });

  it('stores only clean files: a file with a warning or a problem is parsed every time', () => {
    const german = article('c/de.md', { language: 'de' }, 'Die Bahn fährt im Sommer öfter.\n');
    const broken = article('c/broken.md', { title: '' });
    const cache = countingCache();
    ingestArticles([german, broken], {}, cache);
    expect(cache.writes).toEqual([]);
    const again = ingestArticles([german, broken], {}, cache);
    expect(again.warnings).toHaveLength(1);
    expect(again.problems).toHaveLength(1);
  });

  it('makes the date and size checks again on a hit, so a cached article past a new build date is still refused', () => {
    const file = article('c/dated.md', { published: '2026-11-20' });
    const cache = countingCache();
    expect(ingestArticles([file], { today: '2026-11-25' }, cache).problems).toEqual([]);
    const earlier = ingestArticles([file], { today: '2026-11-01' }, cache);
    expect(plain(earlier)).toEqual(plain(ingestArticles([file], { today: '2026-11-01' })));
    expect(earlier.problems.map((p) => p.field)).toEqual(['published']);
    const smaller = ingestArticles([file], { maxBytes: 10 }, cache);
    expect(plain(smaller)).toEqual(plain(ingestArticles([file], { maxBytes: 10 })));
    expect(smaller.articles).toEqual([]);
  });

  it('ignores an entry that lacks a field, so a damaged cache cannot change the result', () => {
    const file = article('c/one.md');
    const cache = countingCache();
    ingestArticles([file], {}, cache);
    const key = cache.writes[0]!;
    cache.set(key, { article: ingestArticles([file]).articles[0]!, published: '2026-05-14' } as never);
    expect(ingestArticles([file], {}, cache)).toEqual(ingestArticles([file]));
    expect(cache.get(key)?.bodyKey).toMatch(/^[0-9a-f]{64}$/);
  });
});
