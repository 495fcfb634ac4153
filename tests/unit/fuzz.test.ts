/**
 * Fuzzing the input side: random and mutated front matter, bodies and raw bytes through the ingest
 * stage and then the whole pipeline. Bounded (fixed seed, fixed number of runs) so it is fast and gives the same cases every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigestError } from '../../src/errors.ts';
import { buildDigest } from '../../src/pipeline/build-digest.ts';
import { ingestArticles } from '../../src/pipeline/ingest.ts';
import type { ArticleFile } from '../../src/types.ts';

const SEED = 20261125;
const encoder = new TextEncoder();

/** Values that YAML treats specially, or that break naive parsers. */
const yamlSpecial = fc.constantFrom(
  '~', 'null', 'Null', 'yes', 'no', 'on', '.nan', '.inf', '-.inf', '0x1F', '0o17', '1e999', '1_000',
  '&anchor', '*anchor', '!!binary aGVsbG8=', '!!js/function "function(){}"', '!!python/object:os.system', '!<tag:x>',
  '[', ']', '{', '}', '"', "'", '|', '>', '- ', '? ', ': ', '#', '%YAML 1.2', '---', '...', '@', '`',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-04-09T25:61:00Z', '"javascript:alert(1)"',
  'data:text/html,<script>alert(1)</script>', 'https://example.org/a', '<script>alert(1)</script>',
  '\u202e\u0000', '\ud800', '🚀'.repeat(50), 'é'.normalize('NFD'), 'a'.repeat(10_000),
);

const scalar = fc.oneof(yamlSpecial, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

const key = fc.oneof(
  fc.constantFrom('title', 'outlet', 'published', 'url', 'author', 'credit', 'origin', 'language', 'Title', 'titel', '<<'),
  fc.string({ maxLength: 12 }),
);

/** A front-matter block: mostly `key: value` lines, some of them broken. */
const frontMatter = fc
  .array(
    fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, scalar).map(([k, v]) => `${k}: "${v}"`),
      fc.tuple(key, fc.array(scalar, { maxLength: 4 })).map(([k, vs]) => `${k}:\n${vs.map((v) => `  - ${v}`).join('\n')}`),
      scalar,
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.join('\n'));

const body = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.lorem({ maxCount: 60 }),
  fc.constantFrom('', '   \n\t\n', '---\n---\n', 'x'.repeat(200_000), 'The council met on Tuesday. '.repeat(2_000)),
);

const opener = fc.constantFrom('---', '---', '---', '---js', '--- ', '----', '', '\ufeff---');
const closer = fc.constantFrom('---', '---', '---', '...', '', '--- trailing');

/** A text file built from a front matter and a body, with random framing. */
const textFile = fc.tuple(opener, frontMatter, closer, body).map(([o, f, c, b]) => encoder.encode(`${o}\n${f}\n${c}\n${b}`));

/** A valid article with some of its bytes replaced, inserted or removed. */
const mutatedFile = fc
  .tuple(
    fc.lorem({ maxCount: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { maxLength: 8 }),
  )
  .map(([text, edits]) => {
    const base = [...encoder.encode(`---\ntitle: A headline\noutlet: Coast Courier\npublished: 2026-05-14\norigin: x.md\n---\n${text}\n`)];
    for (const [position, value, kind] of edits) {
      const at = position % (base.length + 1);
      if (kind === 'set') base[at] = value;
      else if (kind === 'insert') base.splice(at, 0, value);
      else base.splice(at, 1);
    }
    return new Uint8Array(base);
  });

/** Front matter that is valid or nearly so, with random values: exercises the path to an article. */
const plausibleFile = fc
  .record({
    title: fc.oneof(fc.lorem({ maxCount: 8 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
    outlet: fc.oneof(fc.constant('unknown'), fc.lorem({ maxCount: 3 })),
    published: fc.oneof(
      fc.constant('unknown'),
      fc.date({ min: new Date('1700-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    url: fc.option(fc.oneof(fc.webUrl(), yamlSpecial), { nil: undefined }),
    language: fc.option(fc.constantFrom('en', 'de', 'pt-BR', 'EN', 'english'), { nil: undefined }),
    body: fc.oneof(body, fc.lorem({ maxCount: 200, mode: 'sentences' })),
  })
  .map(({ body: text, ...fields }) => {
    const lines = Object.entries({ ...fields, origin: 'x.md' })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    return encoder.encode(`---\n${lines.join('\n')}\n---\n${text}\n`);
  });

const anyBytes = fc.oneof(plausibleFile, plausibleFile, textFile, mutatedFile, fc.uint8Array({ maxLength: 300 }));

const path = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,6})?\.md$/),
  fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,6})?\.md$/),
  fc.constantFrom('a.md', 'A.md', 'b.md', 'notes.txt', '.DS_Store', 'sub/a.md', 'weird name.md', '.md', 'x.MD'),
  fc.string({ maxLength: 10 }).map((s) => `${s}.md`),
);

const files = fc.array(fc.record({ path, bytes: anyBytes }), { maxLength: 5 }).map((list) => {
  // Paths are unique in a folder.
  const seen = new Set<string>();
  return list.filter((file) => (seen.has(file.path) ? false : (seen.add(file.path), true))) as ArticleFile[];
});

/** Folders of mostly passable articles, so that random text reaches the later stages too. */
const passableFiles = fc
  .uniqueArray(fc.record({ path: fc.stringMatching(/^[a-z]{1,10}\.md$/), bytes: plausibleFile }), {
    maxLength: 6,
    selector: (file) => file.path,
  })
  .map((list) => list as ArticleFile[]);

describe('ingest under fuzzing', () => {
  it('never throws on any input, and every problem or warning is a DigestError', () => {
    fc.assert(
      fc.property(files, (input) => {
        const result = ingestArticles(input, { today: '2026-11-25', maxBytes: 150_000 });
        for (const problem of [...result.problems, ...result.warnings]) {
          expect(problem).toBeInstanceOf(DigestError);
          expect(problem.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('accounts for every file, and never shows a file that has a problem', () => {
    fc.assert(
      fc.property(files, (input) => {
        const result = ingestArticles(input, { today: '2026-11-25' });
        const failed = new Set(result.problems.map((p) => p.file));
        const shown = result.articles.map((a) => a.file);
        const excluded = result.excluded.map((e) => e.file);
        for (const file of input) {
          const places = [shown.includes(file.path), excluded.includes(file.path), failed.has(file.path)].filter(Boolean);
          expect(places).toHaveLength(1);
        }
      }),
      { numRuns: 200, seed: SEED + 1 },
    );
  });

  it('gives every article a unique slug, a real date and an http(s) url only', () => {
    fc.assert(
      fc.property(files, (input) => {
        const { articles } = ingestArticles(input, { today: '2026-11-25' });
        const slugs = articles.map((a) => a.id.toLowerCase());
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const { meta } of articles) {
          if (meta.published !== 'unknown') {
            expect(new Date(`${meta.published}T00:00:00Z`).toISOString().slice(0, 10)).toBe(meta.published);
            expect(meta.published <= '2026-11-27').toBe(true);
          }
          if (meta.url !== undefined) expect(meta.url).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 200, seed: SEED + 2 },
    );
  });

  it('gives the same result for the same files twice (no hidden cache or state)', () => {
    fc.assert(
      fc.property(files, (input) => {
        expect(ingestArticles(input)).toEqual(ingestArticles(input));
      }),
      { numRuns: 100, seed: SEED + 3 },
    );
  });

  it('runs the whole pipeline to a digest or fails with a DigestError, never another error', () => {
    let built = 0;
    fc.assert(
      fc.property(fc.oneof(files, passableFiles), (input) => {
        try {
          // A tighter size limit than ingest's own test: the later stages are slower per byte, and this stays a fast test.
          const { report } = buildDigest(input, { today: '2026-11-25', maxBytes: 20_000 });
          expect(report.inputFiles).toBe(report.sources + report.excluded.length);
          built++;
        } catch (error) {
          if (!(error instanceof DigestError)) throw error;
        }
      }),
      { numRuns: 200, seed: SEED + 4 },
    );
    // The property means little unless some random inputs actually get through to a digest.
    expect(built).toBeGreaterThan(40);
  });
});
