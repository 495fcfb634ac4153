import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, FrontMatterError, ProblemListError, UsageError } from '../../src/errors.ts';
import {
  decodeRaw,
  importRaw,
  isHeadline,
  parseStatedDate,
  rawKindOf,
  slugFor,
  type RawKind,
  type ToldMeta,
} from '../../src/pipeline/import/import-raw.ts';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function importFixture(name: string, told: ToldMeta = {}) {
  const kind = rawKindOf(name) as RawKind;
  return importRaw({ text: fixture(name), kind, file: `tests/fixtures/import/${name}`, origin: `tests/fixtures/import/${name}`, told });
}

describe('importRaw on plain text', () => {
  it('takes a headline-like first line as the title', () => {
    const result = importFixture('headline-first-line.txt');
    expect(result.meta.title).toBe('Harbor city opens its first floating solar farm after two-year delay');
    expect(result.inferred.title?.from).toMatch(/first line/);
  });

  it('does not take a first sentence ("On Tuesday, the city did…") as the title', () => {
    const result = importFixture('sentence-first-line.txt');
    expect(result.meta.title).toBe('unknown');
    expect(result.unknown).toContain('title');
    expect(result.inferred.title).toBeUndefined();
  });

  it('takes a trailing "(Source: X)" line as the credit', () => {
    const result = importFixture('source-credit.txt');
    expect(result.meta.credit).toBe('Harbor Ledger');
    expect(result.inferred.credit?.from).toContain('(Source: Harbor Ledger)');
  });

  it('reads published date, author and outlet from a "Published on … by … / …" byline, not the "Last Updated" one', () => {
    const result = importFixture('byline.txt');
    expect(result.meta.published).toBe('2025-03-04');
    expect(result.meta.author).toBe('Ana Ruiz');
    expect(result.meta.outlet).toBe('Coastline Report');
  });

  it('invents nothing: an article that states nothing gets unknown title, outlet, date and no url, author or credit', () => {
    const result = importFixture('sentence-first-line.txt');
    expect(result.frontMatter).toEqual({
      title: 'unknown',
      outlet: 'unknown',
      published: 'unknown',
      origin: 'tests/fixtures/import/sentence-first-line.txt',
    });
    expect(result.unknown).toEqual(['title', 'outlet', 'published', 'url', 'author', 'credit', 'language']);
    expect(result.inferred).toEqual({});
  });

  it('keeps the body of a text file byte for byte, blank lines included', () => {
    const text = fixture('source-credit.txt');
    expect(importFixture('source-credit.txt').body).toBe(text);
  });

  it('lets told values win over stated ones and notes the difference', () => {
    const result = importFixture('source-credit.txt', { credit: 'HARBOR LEDGER', outlet: 'Bay Wire' });
    expect(result.meta.credit).toBe('HARBOR LEDGER');
    expect(result.meta.outlet).toBe('Bay Wire');
    expect(result.told).toEqual({ outlet: 'Bay Wire', credit: 'HARBOR LEDGER' });
    expect(result.inferred.credit).toBeUndefined();
    expect(result.notes.join('\n')).toContain('Harbor Ledger');
  });

  it('notes when a told value agrees with what the file states', () => {
    const result = importFixture('byline.txt', { author: 'Ana Ruiz' });
    expect(result.told).toEqual({ author: 'Ana Ruiz' });
    expect(result.notes).toEqual([expect.stringMatching(/^author: told "Ana Ruiz"; the file states the same/)]);
  });
});

describe('importRaw on HTML', () => {
  const result = importFixture('page.html');

  it('takes the title from <h1>, and author, outlet, date and url from the head', () => {
    expect(result.meta).toMatchObject({
      title: 'Westmere floats its solar plans',
      author: 'Ana Ruiz',
      outlet: 'Coastline Report',
      published: '2025-03-04',
      url: 'https://coastline.example/westmere-solar',
      language: 'en',
    });
  });

  it('keeps the article as paragraphs and drops scripts, styles, navigation, asides, captions and forms', () => {
    const paragraphs = result.body.trimEnd().split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe(
      'The port city switched on a floating solar array on Tuesday, the first of its kind on the coast, after two winters of delays caused by storms and a shortage of anchoring cable.',
    );
    expect(paragraphs[4]).toMatch(/^The council expects the array to pay for itself within eleven years\./);
    expect(result.body.endsWith('comes from the sun.\n')).toBe(true);
    for (const gone of ['alert', 'tracker', 'Subscribe', 'Related', 'Sign up', 'color: red', '<', 'Home', 'Workers bolt']) {
      expect(result.body).not.toContain(gone);
    }
  });

  it('falls back to <title> when there is no <h1>, and leaves out a canonical link that is not http(s)', () => {
    const html = '<html><head><title>Only a title</title><link rel="canonical" href="javascript:alert(1)"></head><body><p>Text of the page.</p></body></html>';
    // Four words are no whole article; --force imports them, which is all this test needs.
    const page = importRaw({ text: html, kind: 'html', file: 'x.html', origin: 'x.html', told: {}, force: true });
    expect(page.meta.title).toBe('Only a title');
    expect(page.meta.url).toBeUndefined();
    expect(page.notes.join('\n')).toContain('javascript:alert(1)');
  });

  it('refuses a page with no text outside its markup', () => {
    const html = '<html><body><script>alert(1)</script><nav>Menu</nav></body></html>';
    expect(() => importRaw({ text: html, kind: 'html', file: 'x.html', origin: 'x.html', told: {} })).toThrow(ArticleFileError);
  });
});

describe('importRaw on Markdown', () => {
  it('keeps valid front matter fields and the body after the front matter', () => {
    const result = importFixture('front-matter.md');
    expect(result.meta).toMatchObject({
      title: "Westmere's floating array, explained",
      outlet: 'Reservoir Weekly',
      published: '2025-03-06',
      url: 'https://reservoir.example/westmere',
    });
    expect(result.body).toBe(
      "Westmere's floating array began delivering power on Tuesday.\n\n" +
        'Engineers said the anchoring system had been redesigned twice after winter storms.\n',
    );
  });

  it('takes a "# Heading" first line as the title and keeps it in the body', () => {
    const result = importFixture('heading.md');
    expect(result.meta.title).toBe('Westmere array survives its first storm');
    expect(result.body).toBe(fixture('heading.md'));
  });

  it('refuses a javascript: url in the front matter, naming the field', () => {
    expect(() => importFixture('javascript-url.md')).toThrow(FrontMatterError);
    try {
      importFixture('javascript-url.md');
    } catch (error) {
      expect((error as FrontMatterError).field).toBe('url');
      expect((error as FrontMatterError).file).toBe('tests/fixtures/import/javascript-url.md');
    }
  });

  it('refuses an unknown front matter field and suggests the right name', () => {
    try {
      importFixture('unknown-field.md');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      expect((error as FrontMatterError).field).toBe('outlt');
      expect((error as FrontMatterError).fix).toContain('outlet');
    }
  });

  it('refuses front matter that is not YAML, with the line', () => {
    try {
      importFixture('broken-yaml.md');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      expect((error as FrontMatterError).line).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses front matter in another language than YAML, which gray-matter would run as code', () => {
    const text = '---js\n{ title: (() => { throw new Error("ran") })() }\n---\nBody text.\nMore.\n';
    expect(() => importRaw({ text, kind: 'md', file: 'evil.md', origin: 'evil.md', told: {} })).toThrow(/not YAML/);
  });

  it('replaces an origin the front matter carries with the file actually imported', () => {
    const text = '---\ntitle: T\norigin: somewhere/else.txt\n---\nBody text here.\n';
    const result = importRaw({ text, kind: 'md', file: 'a.md', origin: 'content/raw/a.md', told: {} });
    expect(result.meta.origin).toBe('content/raw/a.md');
    expect(result.notes.join('\n')).toContain('somewhere/else.txt');
  });
});

describe('told values', () => {
  const base = { text: 'Some article text.\nMore text.\n', kind: 'txt' as const, file: 'a.txt', origin: 'a.txt' };

  it.each([
    ['published', '04/09/2026'],
    ['published', '2026-02-30'],
    ['url', 'javascript:alert(1)'],
    ['url', 'ftp://example.com/a'],
    ['title', '   '],
  ])('refuses --%s %j with a UsageError naming the option', (field, value) => {
    try {
      importRaw({ ...base, told: { [field]: value } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).field).toBe(`--${field}`);
    }
  });

  it('accepts --published unknown', () => {
    expect(importRaw({ ...base, told: { published: 'unknown' } }).meta.published).toBe('unknown');
  });

  it('refuses a bad --language through the schema', () => {
    expect(() => importRaw({ ...base, told: { language: 'English' } })).toThrow(FrontMatterError);
  });

  it('lists several schema problems at once', () => {
    const text = '---\nurl: javascript:x\nlanguage: English!\n---\nBody.\nMore.\n';
    expect(() => importRaw({ text, kind: 'md', file: 'a.md', origin: 'a.md', told: {} })).toThrow(ProblemListError);
  });
});

describe('decodeRaw', () => {
  it('refuses an empty file', () => {
    expect(() => decodeRaw(new Uint8Array(), 'empty.txt')).toThrow(ArticleFileError);
  });

  it('refuses a whitespace-only file', () => {
    expect(() => decodeRaw(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toThrow(/only whitespace/);
  });

  it('refuses a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(() => decodeRaw(png, 'image.txt')).toThrow(/binary/);
  });

  it('reads Windows-1252 text and warns instead of failing', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]); // Café “ok”
    const decoded = decodeRaw(bytes, 'legacy.txt');
    expect(decoded.text).toBe('Café “ok”');
    expect(decoded.warnings[0]).toMatch(/legacy\.txt.*Windows-1252/);
  });

  it('reads UTF-16 with a byte order mark, as the build does, instead of calling it binary', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0x0a, 0x00]);
    expect(decodeRaw(bytes, 'windows.txt').text).toBe('Hi\n');
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeRaw(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.txt').text).toBe('A');
  });
});

describe('small helpers', () => {
  it.each([
    ['Harbor city opens floating solar farm', true],
    ['Will the array survive the winter?', true],
    ['On Tuesday, the city switched on the array.', false],
    ['The array is online. Officials are pleased', false],
    ['– a list item, not a headline', false],
    ['Officials said,', false],
    ['2025', false],
    ['Recommended Video', false],
    ['▼ Summary of the week', false],
    ['By Ana Ruiz and Tom Lee', false],
    ['March 4, 2025', false],
    ['(Source: Harbor Ledger)', false],
  ])('isHeadline(%j) is %s', (line, expected) => {
    expect(isHeadline(line)).toBe(expected);
  });

  it.each([
    ['April 9, 2026', '2026-04-09'],
    ['9 April 2026', '2026-04-09'],
    ['Thursday, Apr. 9, 2026', '2026-04-09'],
    ['2026-04-09T18:00:00+02:00', '2026-04-09'],
    ['April 9', undefined],
    ['yesterday', undefined],
    ['February 30, 2026', undefined],
  ])('parseStatedDate(%j) is %j', (text, expected) => {
    expect(parseStatedDate(text)).toBe(expected);
  });

  it('names an article after its title in lowercase ASCII without apostrophes or accents, cut at a word within 80 characters', () => {
    expect(slugFor('Meta’s Café: “Muse” Spark!', 'x.txt')).toBe('metas-cafe-muse-spark');
    // 40 words of 4 letters: the 17th would end at character 84, so 16 are kept (79 characters).
    expect(slugFor('word '.repeat(40), 'x.txt')).toBe(Array.from({ length: 16 }, () => 'word').join('-'));
  });

  it('does not end a cut article slug on a dangling "and" or "the"', () => {
    // The cut at 80 falls inside "reservoir", leaving "…-and-the"; both words go.
    expect(slugFor(`${'x'.repeat(70)} and the reservoir`, 'x.txt')).toBe('x'.repeat(70));
  });

  it('takes the slug from the file name when the title is unknown or has no ASCII', () => {
    expect(slugFor('unknown', 'seeds/007_ABC.txt')).toBe('007-abc');
    expect(slugFor('東京', '/x/Report Final.html')).toBe('report-final');
  });

  it('knows the three raw kinds and nothing else', () => {
    expect([rawKindOf('a.TXT'), rawKindOf('b.markdown'), rawKindOf('c.htm'), rawKindOf('d.pdf'), rawKindOf('e')]).toEqual(['txt', 'md', 'html', undefined, undefined]);
  });
});
