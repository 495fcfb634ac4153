import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/bench/real-pages-fs.ts';
import { expectedArticleText, realPagePath } from '../../src/bench/real-pages.ts';

const PAGE = `<html><head><title>T</title><script>var hidden = "never";</script></head><body>
<nav>Home News</nav>
<h1>Ferry timetable changes</h1>
<p>By Ana Ruiz</p>
<p>Two early crossings move by ten minutes from Monday.</p>
<figure><img src="a.jpg"><figcaption>The ferry at the north pier.</figcaption></figure>
<p>Advertisement</p>
<p>The harbour office said the change follows the new tide tables.</p>
<div class="gallery"><p>Slide one</p><p>Slide two</p><p>Gallery end</p></div>
<p>Passengers can check the times online.</p>
<p>Related stories</p>
</body></html>`;

describe('expectedArticleText', () => {
  it('cuts the page text from the first words to the last, less the lines and runs the label names', () => {
    const text = expectedArticleText(PAGE, {
      from: 'Two early crossings',
      to: 'check the times online.',
      drop: ['The ferry at the north pier', 'Advertisement'],
      omit: [{ from: 'Slide one', to: 'Gallery end' }],
    });
    expect(text).toBe(
      'Two early crossings move by ten minutes from Monday.\n\n' +
        'The harbour office said the change follows the new tide tables.\n\n' +
        'Passengers can check the times online.\n',
    );
  });

  it('starts and ends inside a line when the bounds fall inside one', () => {
    expect(expectedArticleText(PAGE, { from: 'early crossings', to: 'by ten' })).toBe('early crossings move by ten\n');
  });

  it('fails loudly when a bound is not on the page, instead of scoring against the wrong text', () => {
    expect(() => expectedArticleText(PAGE, { from: 'Not on the page', to: 'online.' }, 'x.html')).toThrow(/x\.html: the label's "from"/);
    expect(() => expectedArticleText(PAGE, { from: 'Two early', to: 'never' })).toThrow(/"to"/);
  });
});

describe('the real-page manifest', () => {
  const manifest = readManifest();
  const sources = readFileSync(new URL('../fixtures/import/real-pages/SOURCES.md', import.meta.url), 'utf8');

  it('names for every page its project, path, SHA-256, and either its article and metadata or why it has none', () => {
    for (const page of manifest.pages) {
      expect(Object.keys(manifest.projects)).toContain(page.project);
      expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (page.article === undefined) {
        expect(page.noArticle).toBeTruthy();
      } else {
        expect(page.expected?.title).toBeTruthy();
        expect(page.expected?.published).toMatch(/^(?:\d{4}-\d{2}-\d{2}|unknown)$/);
      }
    }
  });

  it('labels at least 15 article pages, and SOURCES.md lists every page with its repository path', () => {
    expect(manifest.pages.filter((page) => page.article !== undefined).length).toBeGreaterThanOrEqual(15);
    for (const page of manifest.pages) {
      expect(sources).toContain(realPagePath(page));
      expect(sources).toContain(page.source);
    }
    for (const project of Object.values(manifest.projects)) expect(sources).toContain(project.commit);
  });
});
